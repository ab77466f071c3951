import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { BookingError } from '../booking/errors.ts';
import { bookings } from '../db/schema.ts';
import { payments } from '../db/payments-schema.ts';
import { applyChargeOutcome } from './apply-charge.ts';
import type { Checkout } from './checkout.ts';
import { refundPayment } from './refund-payment.ts';
import { IN_FLIGHT } from '../booking/payment-in-flight.ts';

/**
 * Settles attempts whose outcome nobody heard by asking the provider: UNKNOWN ones (the provider
 * timed out, or the server stopped between charge and answer) after `olderThanMs`, and PROCESSING
 * ones after `processingAfterMs`: a webhook that never came, or a claim whose server stopped before
 * it called the provider at all. Safe on every instance at once: recording an outcome
 * changes an attempt only once (applyChargeOutcome). Resolves with how many it settled.
 */
export async function settleUnknownPayments(checkout: Checkout, olderThanMs = 2_000, processingAfterMs = 30_000): Promise<number> {
  const { db, paymentProvider: provider } = checkout;
  const olderThan = (ms: number) => lt(payments.updatedAt, sql`now() - make_interval(secs => ${ms / 1_000})`);
  const unknown = await db
    .select({ id: payments.id })
    .from(payments)
    .where(or(and(eq(payments.status, 'UNKNOWN'), olderThan(olderThanMs)), and(eq(payments.status, 'PROCESSING'), olderThan(processingAfterMs))))
    .limit(100);
  let settled = 0;
  for (const { id } of unknown) {
    const outcome = await provider.retrieve(id);
    if (outcome?.status === 'processing') continue; // still undecided
    if (!outcome) {
      // The provider never saw it: nothing was charged, and the booking is free to be paid, released
      // or cancelled again. A charge the provider still makes under this key later (a request it
      // received but had not recorded) is recorded from its answer or webhook all the same:
      // applyChargeOutcome confirms the booking with it or refunds it. A real provider's client must
      // time out well within `processingAfterMs`, so that a slow charge is not taken for a lost one.
      await db
        .update(payments)
        .set({ status: 'DECLINED', declineCode: 'not_charged', updatedAt: sql`now()` })
        .where(and(eq(payments.id, id), inArray(payments.status, [...IN_FLIGHT])));
    } else {
      await applyChargeOutcome(checkout, id, outcome).catch((error: unknown) => {
        if (!(error instanceof BookingError)) throw error; // declined or refunded: recorded, nobody to tell here
      });
    }
    settled += 1;
  }
  return settled;
}

/**
 * Refunds charges left on bookings that are no longer confirmed (a refund call that failed after a
 * cancellation or a late payment). Each is refunded once: the refund's idempotency key is the
 * payment's (refundKeyOf), and the attempt changes to REFUNDED only from SUCCEEDED.
 */
export async function refundOrphanedCharges(checkout: Checkout, olderThanMs = 10_000): Promise<number> {
  const { db } = checkout;
  const orphaned = await db
    .select({ id: payments.id, reference: payments.providerReference, amountCents: payments.amountCents })
    .from(payments)
    .innerJoin(bookings, eq(bookings.id, payments.bookingId))
    .where(
      and(
        eq(payments.status, 'SUCCEEDED'),
        inArray(bookings.status, ['CANCELLED', 'EXPIRED']),
        lt(payments.updatedAt, sql`now() - make_interval(secs => ${olderThanMs / 1_000})`),
      ),
    )
    .limit(100);
  for (const payment of orphaned) {
    if (!payment.reference) continue;
    await refundPayment(checkout, { id: payment.id, providerReference: payment.reference, amountCents: payment.amountCents });
  }
  return orphaned.length;
}
