// One rule for "low stock" so the catalogue, the concert page and the
// dashboard agree on when to warn.
export function isLow(available: number, capacity: number): boolean {
  return available > 0 && (available <= 10 || available <= capacity * 0.2);
}

export function availabilityLabel(available: number, capacity: number): string {
  if (available <= 0) return 'Sold out';
  if (isLow(available, capacity)) return `Only ${available} left`;
  return `${available} / ${capacity} available`;
}

export type AvailabilityTone = 'sold-out' | 'low' | 'ok';

export function availabilityTone(available: number, capacity: number): AvailabilityTone {
  if (available <= 0) return 'sold-out';
  return isLow(available, capacity) ? 'low' : 'ok';
}
