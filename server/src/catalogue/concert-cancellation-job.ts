import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { IN_FLIGHT } from '../booking/payment-in-flight.ts';
import { releaseHolds, returnTickets } from '../booking/hold-release.ts';
import type { Transaction } from '../db/client.ts';
import { bookings, concertCancellations, concerts } from '../db/schema.ts';
import { payments } from '../db/payments-schema.ts';
import { queueBookingEmail } from '../emails/booking-emails.ts';
import { RepeatingJob } from '../jobs/repeating-job.ts';
import type { Checkout } from '../payments/checkout.ts';
import { refundPayment } from '../payments/refund-payment.ts';
import { paidCents, refundedOn, refundsOwed, released } from './cancellation-reads.ts';

export interface ConcertCancellationOptions {
  /** How often an unclaimed (or abandoned) job is looked for. */
  intervalMs?: number;
  /** Bookings cancelled per transaction: tier rows stay locked only for the end of one batch. */
  batchSize?: number;
  /** A runner's claim on a job; renewed by every batch, taken over by another instance once it has run out. */
  leaseMs?: number;
  /**
   * A booking priced from a cache that had not yet heard of the cancellation may still commit for a
   * moment after it; the job is DONE only once this long has passed and nothing is left.
   */
  settleMs?: number;
  /** Tests: runs after each step; throwing stops the runner there as a crash would, lease kept. */
  afterStep?: (step: 'cancelled' | 'refunded', concertId: string) => void | Promise<void>;
  log?: { warn(msg: string): void };
}

interface Claim {
  concertId: string;
  token: string;
}

/**
 * Cancels and refunds every booking of cancelled concerts. Every instance runs one; a job is worked
 * on by the runner holding its lease, and each batch renews the lease under the job row's lock, so
 * a runner that lost its lease (paused past it, or presumed dead) stops at its next batch. Even two
 * runners at once could not cancel a booking twice: bookings are locked SKIP LOCKED and change only
 * from a live status. Refunds are exactly once whatever happens: a booking's cancellation commits
 * with its payment still SUCCEEDED (a refund owed, which any later run finds), the processor is
 * called with the payment's idempotency key, and the payment changes to REFUNDED only from SUCCEEDED.
 */
export class ConcertCancellationRunner {
  private readonly job: RepeatingJob;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly settleMs: number;
  private stopping = false;

  constructor(
    private readonly checkout: Checkout,
    private readonly options: ConcertCancellationOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 200;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.settleMs = options.settleMs ?? 5_000;
    this.job = new RepeatingJob('concert cancellation', options.intervalMs ?? 1_000, () => this.runOnce(), options.log);
  }

  start() {
    this.stopping = false;
    this.job.start();
  }

  /** Finishes the batch under way, gives the lease back, and stops. */
  stop() {
    this.stopping = true;
    return this.job.stop();
  }

  /**
   * Claims one job whose lease is free (of `concertId` only, if given: tests and scripts) and works
   * on it until done, stopped, or its lease is lost; false when none was free.
   */
  async runOnce(concertId?: string): Promise<boolean> {
    const claim = await this.claim(concertId);
    if (!claim) return false;
    let after: { createdAt: Date; id: string } | null = null;
    const failedRefunds = new Set<string>();
    while (!this.stopping) {
      const batch = await this.cancelBatch(claim, after);
      if (batch === 'lost') return true;
      await this.options.afterStep?.('cancelled', claim.concertId);
      const refunded = await this.refundBatch(claim, failedRefunds);
      if (batch.length === 0 && refunded === 0) {
        await this.finishOrRelease(claim);
        return true;
      }
      after = batch.at(-1) ?? after;
    }
    await this.release(claim);
    return true;
  }

  private async claim(concertId?: string): Promise<Claim | null> {
    const job = concertCancellations;
    const free = this.checkout.db
      .select({ concertId: job.concertId })
      .from(job)
      .where(and(eq(job.status, 'RUNNING'), or(isNull(job.claimedUntil), lt(job.claimedUntil, sql`now()`)), concertId ? eq(job.concertId, concertId) : undefined))
      .orderBy(job.requestedAt)
      .limit(1)
      .for('update', { skipLocked: true });
    const [claimed] = await this.checkout.db
      .update(job)
      .set({ claimToken: sql`gen_random_uuid()`, claimedUntil: this.leaseEnd() })
      .where(inArray(job.concertId, free))
      .returning({ concertId: job.concertId, token: job.claimToken });
    return claimed ? { concertId: claimed.concertId, token: claimed.token! } : null;
  }

  private leaseEnd() {
    return sql`now() + make_interval(secs => ${this.leaseMs / 1_000})`;
  }

  /** Renews the lease under the job row's lock; false when another runner holds it now. */
  private async renew(tx: Transaction, claim: Claim): Promise<boolean> {
    const job = concertCancellations;
    const renewed = await tx
      .update(job)
      .set({ claimedUntil: this.leaseEnd() })
      .where(and(eq(job.concertId, claim.concertId), eq(job.claimToken, claim.token), eq(job.status, 'RUNNING')))
      .returning({ concertId: job.concertId });
    return renewed.length > 0;
  }

  /**
   * One short transaction: the next live bookings in (created_at, id) order, the index's order, so
   * each batch reads only its own rows. Holds whose payment is being decided are left for a later
   * run (that payment confirms or frees them). Emails first, tickets last: tier rows are locked
   * only from the returning statement to the commit.
   */
  private async cancelBatch(claim: Claim, after: { createdAt: Date; id: string } | null) {
    const { db, bookingLinks } = this.checkout;
    return db.transaction(async (tx) => {
      if (!(await this.renew(tx, claim))) return 'lost' as const;
      const page = await tx
        .select({ id: bookings.id, status: bookings.status, createdAt: bookings.createdAt })
        .from(bookings)
        .where(
          and(
            eq(bookings.concertId, claim.concertId),
            inArray(bookings.status, ['PENDING', 'CONFIRMED']),
            after ? sql`(${bookings.createdAt}, ${bookings.id}) > (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined,
          ),
        )
        .orderBy(bookings.createdAt, bookings.id)
        .limit(this.batchSize)
        .for('update', { skipLocked: true });
      if (page.length === 0) return page;
      // A separate statement, after the locks: its snapshot sees any attempt committed before them.
      const inFlight = await tx
        .selectDistinct({ bookingId: payments.bookingId })
        .from(payments)
        .where(and(inArray(payments.bookingId, page.map((booking) => booking.id)), inArray(payments.status, [...IN_FLIGHT])));
      const deciding = new Set(inFlight.map((payment) => payment.bookingId));
      const holds = page.filter((booking) => booking.status === 'PENDING' && !deciding.has(booking.id)).map((booking) => booking.id);
      const confirmed = page.filter((booking) => booking.status === 'CONFIRMED').map((booking) => booking.id);
      const paid = await paidCents(tx, confirmed);
      for (const id of confirmed) await queueBookingEmail(tx, id, 'cancellation', bookingLinks, paid.get(id) ?? 0);
      const ids = (list: string[]) => sql`SELECT unnest(${`{${list.join(',')}}`}::uuid[])`;
      let cancelled = 0;
      if (confirmed.length > 0) cancelled += await released(tx, returnTickets(ids(confirmed), 'CANCELLED', 'CONFIRMED'));
      if (holds.length > 0) cancelled += await released(tx, releaseHolds(ids(holds), 'CANCELLED'));
      await tx
        .update(concertCancellations)
        .set({ cancelledCount: sql`${concertCancellations.cancelledCount} + ${cancelled}` })
        .where(eq(concertCancellations.concertId, claim.concertId));
      return page;
    });
  }

  /**
   * Refunds what the concert's cancelled bookings still owe, a batch at a time, outside any
   * transaction. A refund the processor refuses is kept in last_error and tried again by a later run.
   */
  private async refundBatch(claim: Claim, failed: Set<string>): Promise<number> {
    const { db } = this.checkout;
    const owed = await refundsOwed(db, claim.concertId, failed, this.batchSize);
    let recordedAny = false;
    for (const payment of owed) {
      if (!payment.providerReference) continue;
      try {
        if (await refundPayment(this.checkout, { ...payment, providerReference: payment.providerReference })) recordedAny = true;
      } catch (error) {
        failed.add(payment.id);
        await db.update(concertCancellations).set({ lastError: (error as Error).message }).where(eq(concertCancellations.concertId, claim.concertId));
        this.options.log?.warn(`refund of payment ${payment.id} failed: ${(error as Error).message}`);
      }
    }
    // Recounted from the payments rather than added to: a refund recorded by another runner (or by
    // the settlement sweep, which uses the same key) between our refund and this update counts once.
    if (recordedAny) {
      await db.update(concertCancellations).set({ refundedCents: refundedOn(claim.concertId) }).where(eq(concertCancellations.concertId, claim.concertId));
    }
    await this.options.afterStep?.('refunded', claim.concertId);
    return owed.length - owed.filter((payment) => failed.has(payment.id)).length;
  }

  /** DONE when nothing is live or owed any more and late bookings have had time to land; otherwise the next run looks again. */
  private async finishOrRelease(claim: Claim) {
    const job = concertCancellations;
    const left = sql`EXISTS (SELECT 1 FROM ${bookings} WHERE ${bookings.concertId} = ${claim.concertId} AND ${bookings.status} IN ('PENDING', 'CONFIRMED'))
      OR EXISTS (SELECT 1 FROM ${payments} JOIN ${bookings} ON ${bookings.id} = ${payments.bookingId}
                 WHERE ${bookings.concertId} = ${claim.concertId} AND ${payments.status} = 'SUCCEEDED')`;
    const settled = sql`EXISTS (SELECT 1 FROM ${concerts} WHERE ${concerts.id} = ${claim.concertId}
      AND ${concerts.cancelledAt} <= now() - make_interval(secs => ${this.settleMs / 1_000}))`;
    const [done] = await this.checkout.db
      .update(job)
      .set({ status: 'DONE', finishedAt: sql`now()`, claimToken: null, claimedUntil: null })
      .where(and(eq(job.concertId, claim.concertId), eq(job.claimToken, claim.token), sql`NOT (${left})`, settled))
      .returning({ concertId: job.concertId });
    if (!done) await this.release(claim);
  }

  /** Gives the lease back, so that the next run on any instance may claim the job at once. */
  private async release(claim: Claim) {
    const job = concertCancellations;
    await this.checkout.db
      .update(job)
      .set({ claimToken: null, claimedUntil: null })
      .where(and(eq(job.concertId, claim.concertId), eq(job.claimToken, claim.token)));
  }
}
