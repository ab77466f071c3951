import { useState } from 'react';
import { formatCountdown, useHoldCountdown } from '../checkout/useHoldCountdown';

// Screen readers hear the time at a few moments, not every second.
const ANNOUNCE_AT_SECONDS = [300, 120, 60, 30];

/**
 * How long the waiting room's admission still opens checkout. Counted from admissionExpiresAt on
 * the device's clock when the form opens (the server's own clock decides; a hold refused as
 * EXPIRED sends the shopper back to the room).
 */
export function AdmissionCountdown({ expiresAt }: { expiresAt: string }) {
  const [remainingMs] = useState(() => Date.parse(expiresAt) - Date.now());
  const msLeft = useHoldCountdown(remainingMs) ?? 0;
  const seconds = Math.ceil(msLeft / 1000);
  const announced = ANNOUNCE_AT_SECONDS.find((mark) => seconds <= mark && seconds > mark - 5);
  return (
    <div className={`hold-countdown${seconds <= 60 ? ' hold-countdown--urgent' : ''}`} data-testid="admission-countdown">
      {msLeft > 0 ? (
        <p>
          It’s your turn. Hold your tickets within{' '}
          <strong role="timer" aria-label={`${formatCountdown(msLeft)} left`}>
            {formatCountdown(msLeft)}
          </strong>
          ; after that your admission ends.
        </p>
      ) : (
        <p>Your admission time is up. If holding fails, you’ll be taken back to the waiting room.</p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announced ? `${announced >= 60 ? `${announced / 60} minute${announced === 60 ? '' : 's'}` : `${announced} seconds`} left to hold your tickets.` : ''}
      </p>
    </div>
  );
}
