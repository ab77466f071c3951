import { formatCountdown } from '../checkout/useHoldCountdown';

// Screen readers hear the time at a few moments, not every second.
const ANNOUNCE_AT_SECONDS = [300, 120, 60, 30];

export function HoldCountdown({ msLeft }: { msLeft: number }) {
  const seconds = Math.ceil(msLeft / 1000);
  const announced = ANNOUNCE_AT_SECONDS.find((mark) => seconds <= mark && seconds > mark - 5);
  const urgent = seconds <= 60;
  return (
    <div className={`hold-countdown${urgent ? ' hold-countdown--urgent' : ''}`}>
      <p>
        Your tickets are held for{' '}
        <strong role="timer" aria-label={`${formatCountdown(msLeft)} left`} data-testid="hold-countdown">
          {formatCountdown(msLeft)}
        </strong>
        . Pay before then to keep them.
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announced ? `${announced >= 60 ? `${announced / 60} minute${announced === 60 ? '' : 's'}` : `${announced} seconds`} left to pay.` : ''}
      </p>
    </div>
  );
}
