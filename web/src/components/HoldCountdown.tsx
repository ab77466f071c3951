import { CountdownAnnouncement, countdownClass, CountdownTimer } from './CountdownTimer';

export function HoldCountdown({ msLeft }: { msLeft: number }) {
  return (
    <div className={countdownClass(msLeft)}>
      <p>
        Your tickets are held for <CountdownTimer msLeft={msLeft} testId="hold-countdown" />. Pay before then to keep them.
      </p>
      <CountdownAnnouncement msLeft={msLeft} purpose="to pay" />
    </div>
  );
}
