import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { simulatedCharges, simulatedRefunds } from '../db/payments-schema.ts';
import { TEST_CARDS, type TestCardBehaviour as Behaviour } from '../../../shared/test-cards.ts';
import { ProviderTimeoutError, type ChargeOutcome, type ChargeRequest, type PaymentProvider, type RefundRequest } from './payment-provider.ts';

// Any other well-formed number is declined as `card_declined`, like an unknown card.
const behaviourOf = (number: string): Behaviour => (TEST_CARDS as Record<string, { behaviour: Behaviour }>)[number]?.behaviour ?? 'card_declined';

/**
 * A card processor simulated on its own table. Charges are idempotent by key (a second call with a
 * key answers the first outcome and charges nothing), so it can be retried, raced and restarted
 * like a real one. The timeout card charges and then fails to answer: the caller cannot know, and
 * must ask with retrieve().
 */
export class SimulatedPaymentProvider implements PaymentProvider {
  readonly name = 'simulated';

  constructor(private readonly db: Database) {}

  async charge(request: ChargeRequest): Promise<ChargeOutcome> {
    const behaviour = behaviourOf(request.card.number);
    const status = behaviour === 'succeeds' || behaviour === 'timeout' ? 'succeeded' : behaviour === 'processing' ? 'processing' : 'declined';
    const [inserted] = await this.db
      .insert(simulatedCharges)
      .values({
        reference: `ch_${randomBytes(12).toString('hex')}`,
        idempotencyKey: request.idempotencyKey,
        amountCents: request.amountCents,
        currency: request.currency,
        status,
        declineCode: status === 'declined' ? behaviour : null,
      })
      .onConflictDoNothing({ target: simulatedCharges.idempotencyKey })
      .returning();
    if (behaviour === 'timeout') throw new ProviderTimeoutError();
    const charge = inserted ?? (await this.find(request.idempotencyKey));
    return outcomeOf(charge!);
  }

  async retrieve(idempotencyKey: string): Promise<ChargeOutcome | null> {
    const charge = await this.find(idempotencyKey);
    return charge ? outcomeOf(charge) : null;
  }

  async refund({ idempotencyKey, reference, amountCents }: RefundRequest): Promise<void> {
    await this.db.transaction(async (tx) => {
      // A concurrent refund with the same key waits here for the first one's commit, then sees it.
      const [recorded] = await tx.insert(simulatedRefunds).values({ idempotencyKey, reference, amountCents }).onConflictDoNothing().returning();
      if (!recorded) {
        const [earlier] = await tx.select().from(simulatedRefunds).where(eq(simulatedRefunds.idempotencyKey, idempotencyKey));
        if (earlier.reference !== reference || earlier.amountCents !== amountCents) throw new Error(`refund key ${idempotencyKey} was used for another refund`);
        return; // the same refund asked again: answered as before, nothing more refunded
      }
      // Refunding more than was captured is refused, as a real processor would (and the key's record rolls back).
      const refunded = await tx
        .update(simulatedCharges)
        .set({ status: 'refunded', refundedCents: sql`${simulatedCharges.refundedCents} + ${amountCents}` })
        .where(sql`${simulatedCharges.reference} = ${reference} AND ${simulatedCharges.refundedCents} + ${amountCents} <= ${simulatedCharges.amountCents}`)
        .returning({ reference: simulatedCharges.reference });
      if (refunded.length === 0) throw new Error(`refund of ${amountCents} refused for charge ${reference}`);
    });
  }

  /**
   * The processor's side of `processing` charges: decides those older than `afterMs` (this simulation
   * always approves them) and tells the shop by signed webhook, twice, since real processors deliver
   * at least once and sometimes again. Safe on every instance: each charge is decided by one.
   */
  async deliverWebhooks(send: (body: string) => Promise<void>, afterMs = 1_000): Promise<number> {
    const decided = await this.db.execute<{ reference: string; idempotency_key: string }>(sql`
      UPDATE ${simulatedCharges} SET status = 'succeeded'
      WHERE ${simulatedCharges.reference} IN (
        SELECT ${simulatedCharges.reference} FROM ${simulatedCharges}
        WHERE ${simulatedCharges.status} = 'processing' AND ${simulatedCharges.createdAt} <= now() - make_interval(secs => ${afterMs / 1_000})
        LIMIT 100 FOR UPDATE SKIP LOCKED)
      RETURNING ${simulatedCharges.reference} AS reference, ${simulatedCharges.idempotencyKey} AS idempotency_key`);
    for (const charge of decided.rows) {
      const body = JSON.stringify({ type: 'charge.succeeded', idempotencyKey: charge.idempotency_key, reference: charge.reference });
      await send(body);
      await send(body);
    }
    return decided.rows.length;
  }

  private async find(idempotencyKey: string) {
    const [charge] = await this.db.select().from(simulatedCharges).where(eq(simulatedCharges.idempotencyKey, idempotencyKey));
    return charge;
  }
}

function outcomeOf(charge: typeof simulatedCharges.$inferSelect): ChargeOutcome {
  if (charge.status === 'declined') return { status: 'declined', reference: charge.reference, declineCode: charge.declineCode ?? 'card_declined' };
  if (charge.status === 'processing') return { status: 'processing', reference: charge.reference };
  return { status: 'succeeded', reference: charge.reference };
}
