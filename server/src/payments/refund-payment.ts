import { and, eq, sql } from 'drizzle-orm';
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
export async function refundPayment({ db, paymentProvider }: { db: Database; paymentProvider: PaymentProvider }, payment: RefundablePayment): Promise<boolean> {
  await paymentProvider.refund({ idempotencyKey: refundKeyOf(payment.id), reference: payment.providerReference, amountCents: payment.amountCents });
  const recorded = await db
    .update(payments)
    .set({ status: 'REFUNDED', refundedCents: payment.amountCents, updatedAt: sql`now()` })
    .where(and(eq(payments.id, payment.id), eq(payments.status, 'SUCCEEDED')))
    .returning({ id: payments.id });
  return recorded.length > 0;
}
