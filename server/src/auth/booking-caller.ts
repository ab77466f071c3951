import { createHash } from 'node:crypto';
import type { BookingCaller } from '../booking/booking-request.ts';
import type { RequestIdentity } from './viewer.ts';

/**
 * Whose idempotency keys a booking request uses, and whom the booking records. A guest without its
 * own id (x-guest-id) is scoped by its address: still never another client's keys, unless both
 * share an address and choose the same key.
 */
export function bookingCallerOf({ viewer, guestId, clientAddress }: RequestIdentity): BookingCaller {
  if (viewer.kind === 'partner') return { idempotencyScope: `k:${viewer.apiKey.id}`, apiKeyId: viewer.apiKey.id, userId: null };
  if (viewer.kind === 'user') return { idempotencyScope: `u:${viewer.user.id}`, apiKeyId: null, userId: viewer.user.id };
  if (guestId) return { idempotencyScope: `g:${createHash('sha256').update(guestId).digest('base64url').slice(0, 22)}`, apiKeyId: null, userId: null };
  return { idempotencyScope: `a:${clientAddress.replaceAll('/', '_')}`, apiKeyId: null, userId: null };
}
