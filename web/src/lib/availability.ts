// One rule for "low stock" so the catalogue, the concert page and the
// dashboard agree on when to warn: 10 or fewer, or at most a fifth left.
function isLow(available: number, capacity: number): boolean {
  return available > 0 && (available <= 10 || available <= capacity * 0.2);
}

export type AvailabilityTone = 'sold-out' | 'low' | 'ok';

export function availabilityTone(available: number, capacity: number): AvailabilityTone {
  if (available <= 0) return 'sold-out';
  return isLow(available, capacity) ? 'low' : 'ok';
}
