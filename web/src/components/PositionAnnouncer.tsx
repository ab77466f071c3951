import { useEffect, useRef, useState } from 'react';
import { positionSentence, shouldAnnounce, type Announced } from '../waiting-room/positionAnnouncement';

/**
 * A polite live region for screen readers: the position is on screen all the time, but said aloud
 * only every half minute or so, and at once near the front (waiting-room/positionAnnouncement.ts).
 */
export function PositionAnnouncer({ position, waitText }: { position: number; waitText: string }) {
  const last = useRef<Announced | null>(null);
  const [sentence, setSentence] = useState('');
  useEffect(() => {
    const now = Date.now();
    if (!shouldAnnounce(last.current, position, now)) return;
    last.current = { position, at: now };
    setSentence(positionSentence(position, waitText));
  }, [position, waitText]);
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="position-announcement">
      {sentence}
    </p>
  );
}
