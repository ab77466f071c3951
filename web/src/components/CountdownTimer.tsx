import { formatCountdown } from '../checkout/useHoldCountdown';

// Screen readers hear the time at a few moments, not every second.
const ANNOUNCE_AT_SECONDS = [300, 120, 60, 30];

/** The countdown's box, which turns urgent in the last minute. */
export const countdownClass = (msLeft: number) => `hold-countdown${msLeft <= 60_000 ? ' hold-countdown--urgent' : ''}`;

/** The time left as m:ss, ticking, for sighted readers; screen readers get CountdownAnnouncement. */
export function CountdownTimer({ msLeft, testId }: { msLeft: number; testId?: string }) {
  return (
    <strong role="timer" aria-label={`${formatCountdown(msLeft)} left`} data-testid={testId}>
      {formatCountdown(msLeft)}
    </strong>
  );
}

/** "2 minutes left to pay." near each mark, politely; `purpose` ends the sentence ("to pay"). */
export function CountdownAnnouncement({ msLeft, purpose }: { msLeft: number; purpose: string }) {
  const seconds = Math.ceil(msLeft / 1000);
  const mark = ANNOUNCE_AT_SECONDS.find((candidate) => seconds <= candidate && seconds > candidate - 5);
  const left = mark && (mark >= 60 ? `${mark / 60} minute${mark === 60 ? '' : 's'}` : `${mark} seconds`);
  return (
    <p className="visually-hidden" aria-live="polite">
      {left ? `${left} left ${purpose}.` : ''}
    </p>
  );
}
