import { availabilityTone } from '../lib/availability';

// Shown only when it matters: a quiet tier needs no badge, a scarce one does.
export function AvailabilityBadge({ available, capacity }: { available: number; capacity: number }) {
  const tone = availabilityTone(available, capacity);
  if (tone === 'ok') return null;
  return (
    <span className={`badge badge--${tone}`}>
      {tone === 'sold-out' ? 'Sold out' : `Only ${available} left`}
    </span>
  );
}
