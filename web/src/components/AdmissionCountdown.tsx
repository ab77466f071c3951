import { useState } from 'react';
import { useHoldCountdown } from '../checkout/useHoldCountdown';
import { CountdownAnnouncement, countdownClass, CountdownTimer } from './CountdownTimer';

/**
 * How long the waiting room's admission still opens checkout. Counted from admissionExpiresAt on
 * the device's clock when the form opens (the server's own clock decides; a hold refused as
 * EXPIRED sends the shopper back to the room).
 */
export function AdmissionCountdown({ expiresAt }: { expiresAt: string }) {
  const [remainingMs] = useState(() => Date.parse(expiresAt) - Date.now());
  const msLeft = useHoldCountdown(remainingMs) ?? 0;
  return (
    <div className={countdownClass(msLeft)} data-testid="admission-countdown">
      {msLeft > 0 ? (
        <p>
          It’s your turn. Hold your tickets within <CountdownTimer msLeft={msLeft} />; after that your admission ends.
        </p>
      ) : (
        <p>Your admission time is up. If holding fails, you’ll be taken back to the waiting room.</p>
      )}
      <CountdownAnnouncement msLeft={msLeft} purpose="to hold your tickets" />
    </div>
  );
}
