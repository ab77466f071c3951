import { useEffect, useMemo, useState } from 'react';

/**
 * Milliseconds left on a hold, ticking. Counts from the server's own `holdRemainingMs` on the
 * monotonic clock, so a device clock that is minutes off (or changes meanwhile) cannot show
 * time that the server will not give. Null when there is no live hold.
 */
export function useHoldCountdown(remainingMs: number | null | undefined): number | null {
  const deadline = useMemo(() => (remainingMs == null ? null : performance.now() + remainingMs), [remainingMs]);
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (deadline == null) return;
    setNow(performance.now());
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, [deadline]);
  return deadline == null ? null : Math.max(0, deadline - now);
}

/** 9:05 for 545,000 ms; rounded up, so 0:00 shows only once the hold has really ended. */
export function formatCountdown(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
