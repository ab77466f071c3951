import { createHash } from 'node:crypto';
import type { BookingRequest } from './booking-request.ts';

/**
 * Identifies what was asked for, not how it was spelled: item order and email case do not matter,
 * so a client that rebuilds the same order for a retry still gets its original booking.
 */
export function requestFingerprint(request: BookingRequest, kind: 'book' | 'hold' = 'book'): string {
  const canonical = {
    // A key used to book cannot be reused to hold, nor the other way round. Bookings' fingerprints
    // predate holds, so only a hold says what it is.
    ...(kind === 'hold' ? { kind } : {}),
    concertId: request.concertId,
    customerEmail: request.customerEmail.trim().toLowerCase(),
    items: [...request.items]
      .sort((a, b) => (a.tierId < b.tierId ? -1 : a.tierId > b.tierId ? 1 : 0))
      .map((item) => [item.tierId, item.quantity]),
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
