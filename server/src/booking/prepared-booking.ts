/** A validated booking whose prices are known, ready to be written. */
export interface PreparedBooking {
  bookingId: string;
  concertId: string;
  customerEmail: string;
  /** The caller's scope and the client's key (booking-request.ts). */
  idempotencyKey: string;
  fingerprint: string;
  apiKeyId: string | null;
  userId: string | null;
  currency: string;
  /** A hold (PENDING, released after this many seconds unless paid), or null: CONFIRMED at once. */
  holdSeconds: number | null;
  items: { tierId: string; tierName: string; quantity: number; unitPriceCents: number }[];
}

export type BookingOutcome =
  /** `createdAt` is the booking row's own, as Postgres set it, so the response needs no read. */
  | { kind: 'booked'; bookingId: string; createdAt: Date; orderCode: string; expiresAt: Date | null }
  | { kind: 'soldOut'; tierId: string; tierName: string; requested: number; available: number }
  /** A hold that would take its customer over the concert's limit (customer-limit.ts). */
  | { kind: 'overLimit'; limit: number; alreadyHeld: number; requested: number }
  /** A tier the booking names no longer exists (deleted after its facts were cached). */
  | { kind: 'tierGone'; tierId: string }
  /** The concert stopped selling (paused, unpublished, cancelled) after the booking was priced. */
  | { kind: 'salesStopped'; concertId: string }
  /** Another request holds this idempotency key (committed before this one could claim it). */
  | { kind: 'keyTaken' };

/** What the booking costs: the sum of its items at the prices fixed when it was priced. */
export function totalCents(booking: Pick<PreparedBooking, 'items'>): number {
  return booking.items.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0);
}

/** The row columns Postgres fills in, as the batch writers return them. */
export interface WrittenColumns {
  createdAt: Date;
  orderCode: string;
  expiresAt: Date | null;
}

/** Idempotency keys are claimed in this order by every transaction, so no two can deadlock. */
export const byIdempotencyKey = (a: PreparedBooking, b: PreparedBooking) =>
  a.idempotencyKey < b.idempotencyKey ? -1 : a.idempotencyKey > b.idempotencyKey ? 1 : 0;
