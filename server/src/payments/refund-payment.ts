import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { payments } from '../db/payments-schema.ts';
import type { PaymentProvider } from './payment-provider.ts';

/**
 * The processor's idempotency key for refunding one payment in full. Every path that refunds (a
 * shopper's cancellation, a late payment, settlement, a concert's cancellation) uses it, so however
 * many of them try at once, and however often one retries after a crash between the processor's
 * answer and our own record, the processor refunds the payment once.
 */
export const refundKeyOf = (paymentId: string) => `refund:${paymentId}`;

export interface RefundablePayment {
  id: string;
  providerReference: string;
  amountCents: number;
}

/**
 * Refunds a captured payment in full and records it: the payment changes to REFUNDED only from
 * SUCCEEDED, so a second caller records nothing. Resolves with whether this call recorded it. Called
 * outside any transaction: no row stays locked while the processor is called.
 */
export async function refundPayment(services: { db: Database; paymentProvider: PaymentProvider }, payment: RefundablePayment): Promise<boolean> {
  const run = await refundPayments(services, [payment], 1);
  if (run.failed.length > 0) throw run.failed[0].error;
  return run.recorded > 0;
}

export interface RefundRun {
  /** Payments this call recorded as REFUNDED (another caller may have recorded some of the rest). */
  recorded: number;
  /** What those payments gave back: counted by this call only, as only it changed them. */
  recordedCents: number;
  /** Payments the processor refused or could not be asked about, with why; tried again later. */
  failed: { id: string; error: Error }[];
}

/**
 * Refunds many payments, `concurrency` processor calls in flight at once, and records the ones
 * that succeeded in one statement. Exactly once holds as for refundPayment: each call carries the
 * payment's own key, so a run killed after the processor refunded and before the record is
 * answered the same refund when the next run asks again, and the record changes a payment only
 * from SUCCEEDED.
 */
export async function refundPayments(
  { db, paymentProvider }: { db: Database; paymentProvider: PaymentProvider },
  owed: RefundablePayment[],
  concurrency: number,
): Promise<RefundRun> {
  const refunded: string[] = [];
  const failed: RefundRun['failed'] = [];
  let next = 0;
  const worker = async () => {
    while (next < owed.length) {
      const payment = owed[next++];
      try {
        await paymentProvider.refund({ idempotencyKey: refundKeyOf(payment.id), reference: payment.providerReference, amountCents: payment.amountCents });
        refunded.push(payment.id);
      } catch (error) {
        failed.push({ id: payment.id, error: error as Error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, owed.length) }, worker));
  if (refunded.length === 0) return { recorded: 0, recordedCents: 0, failed };
  // Full refunds: what each payment captured comes back.
  const recorded = await db
    .update(payments)
    .set({ status: 'REFUNDED', refundedCents: sql`${payments.amountCents}`, updatedAt: sql`now()` })
    .where(and(inArray(payments.id, refunded), eq(payments.status, 'SUCCEEDED')))
    .returning({ cents: payments.refundedCents });
  return { recorded: recorded.length, recordedCents: recorded.reduce((sum, payment) => sum + payment.cents, 0), failed };
}
