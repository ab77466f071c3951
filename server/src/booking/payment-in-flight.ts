import { and, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '../db/client.ts';
import { payments } from '../db/payments-schema.ts';

/** Attempts the processor has not decided yet: the card may still be charged. */
export const IN_FLIGHT = ['PROCESSING', 'UNKNOWN'] as const;

/**
 * Whether a payment of the booking may still go through. Only meaningful under the booking's row
 * lock, taken in an earlier statement of `tx`: payForBooking starts an attempt under that same lock,
 * and at READ COMMITTED this statement's fresh snapshot then sees any attempt committed before the
 * lock was granted, so a hold cannot be given up while its charge is being decided.
 */
export async function hasPaymentInFlight(tx: Transaction, bookingId: string): Promise<boolean> {
  const [inFlight] = await tx
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.bookingId, bookingId), inArray(payments.status, [...IN_FLIGHT])))
    .limit(1);
  return inFlight !== undefined;
}
