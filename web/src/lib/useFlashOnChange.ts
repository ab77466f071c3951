import { useEffect, useRef, useState } from 'react';

// Briefly true after `value` changes, so a number that moved on its own
// catches the eye; the first render does not count as a change.
export function useFlashOnChange(value: unknown, durationMs = 1200): boolean {
  const previous = useRef(value);
  const [flashing, setFlashing] = useState(false);
  useEffect(() => {
    if (Object.is(previous.current, value)) return;
    previous.current = value;
    setFlashing(true);
    const timer = setTimeout(() => setFlashing(false), durationMs);
    return () => clearTimeout(timer);
  }, [value, durationMs]);
  return flashing;
}
