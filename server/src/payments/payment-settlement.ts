import { and, eq, lt, or, sql } from 'drizzle-orm';
import { BookingError } from '../booking/errors.ts';
import type { Database } from '../db/client.ts';
import { payments } from '../db/schema.ts';
import { applyChargeOutcome } from './apply-charge.ts';
import type { PaymentProvider } from './payment-provider.ts';

/**
 * Settles attempts whose outcome nobody heard by asking the provider: UNKNOWN ones (the provider
 * timed out, or the server stopped between charge and answer) after `olderThanMs`, and PROCESSING
 * ones whose webhook never came after `processingAfterMs`. Safe on every instance at once: recording an outcome
 * changes an attempt only once (applyChargeOutcome). Resolves with how many it settled.
 */
export async function settleUnknownPayments(db: Database, provider: PaymentProvider, olderThanMs = 2_000, processingAfterMs = 30_000): Promise<number> {
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
      // The provider never saw it: nothing was charged. The shopper may try again.
      await db.update(payments).set({ status: 'DECLINED', declineCode: 'not_charged', updatedAt: sql`now()` }).where(and(eq(payments.id, id), eq(payments.status, 'UNKNOWN')));
    } else {
      await applyChargeOutcome(db, provider, id, outcome).catch((error: unknown) => {
        if (!(error instanceof BookingError)) throw error; // declined or refunded: recorded, nobody to tell here
      });
    }
    settled += 1;
  }
  return settled;
}
