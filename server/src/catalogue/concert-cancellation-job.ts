import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Transaction } from '../db/client.ts';
import { bookings, concertCancellations } from '../db/schema.ts';
import { payments } from '../db/payments-schema.ts';
import { RepeatingJob } from '../jobs/repeating-job.ts';
import type { Checkout } from '../payments/checkout.ts';
import { refundPayments, type RefundablePayment } from '../payments/refund-payment.ts';
import { cancelBatch, type BookingPosition } from './cancellation-batch.ts';
import { refundedOn, refundsOwed } from './cancellation-reads.ts';

export interface ConcertCancellationOptions {
  /** How often an unclaimed (or abandoned) job is looked for. */
  intervalMs?: number;
  /**
   * Bookings cancelled per transaction (default 500): the statements per batch are fixed, so a
   * larger batch costs the tier rows only the time its two ticket-returning statements take.
   */
  batchSize?: number;
  /**
   * Refunds in flight at the processor at once (default 8): each waits on the processor, not on us.
   * With the simulated processor each also holds a pooled connection (default pool 20), hence not more.
   */
  refundConcurrency?: number;
  /** A runner's claim on a job; renewed by every batch, taken over by another instance once it has run out. */
  leaseMs?: number;
  /** Tests: runs after each step; throwing stops the runner there as a crash would, lease kept. */
  afterStep?: (step: 'cancelled' | 'refunded', concertId: string) => void | Promise<void>;
  /** Measurement (the benchmark): each committed batch's size, whole transaction, and time its tier rows were locked. */
  onBatch?: (batch: { bookings: number; transactionMs: number; tierLockMs: number }) => void;
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
  private readonly refundConcurrency: number;
  private readonly leaseMs: number;
  private stopping = false;

  constructor(
    private readonly checkout: Checkout,
    private readonly options: ConcertCancellationOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.refundConcurrency = options.refundConcurrency ?? 8;
    this.leaseMs = options.leaseMs ?? 30_000;
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
    let after: BookingPosition | null = null;
    const failedRefunds = new Set<string>();
    // At most one batch's refunds in flight, overlapping the next batch's cancellation: the
    // processor's round trips and our batch transactions wait on different things.
    let refunding: Promise<number> | null = null;
    try {
      while (!this.stopping) {
        const batch = await this.cancelBatch(claim, after);
        if (batch === 'lost') return true;
        await this.options.afterStep?.('cancelled', claim.concertId);
        if (refunding) await refunding;
        refunding = null;
        if (batch.length > 0) {
          // The batch's own refunds, found by its ids.
          refunding = this.refundBatch(claim, failedRefunds, batch.map((booking) => booking.id));
          after = batch.at(-1)!;
          continue;
        }
        // No live booking left: a sweep of the whole concert for refunds still owed (those of a run
        // killed between a batch and its refunds), until none is.
        if ((await this.refundBatch(claim, failedRefunds)) === 0) {
          await this.finishOrRelease(claim);
          return true;
        }
      }
      if (refunding) await refunding;
      await this.release(claim);
      return true;
    } finally {
      // Thrown midway (a crash, as tests simulate): the refunds under way still finish or fail on their own.
      if (refunding) await Promise.allSettled([refunding]);
    }
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

  /** One short transaction (cancellation-batch.ts), timed for onBatch; 'lost' when another runner holds the lease now. */
  private async cancelBatch(claim: Claim, after: BookingPosition | null) {
    const started = performance.now();
    let locksFrom = started;
    const batch = await this.checkout.db.transaction(async (tx) => {
      if (!(await this.renew(tx, claim))) return 'lost' as const;
      const lockingTiers = () => void (locksFrom = performance.now());
      return cancelBatch(tx, { concertId: claim.concertId, after, size: this.batchSize, bookingLinks: this.checkout.bookingLinks, lockingTiers });
    });
    if (batch !== 'lost' && batch.length > 0) {
      const now = performance.now();
      this.options.onBatch?.({ bookings: batch.length, transactionMs: now - started, tierLockMs: now - locksFrom });
    }
    return batch;
  }

  /**
   * Refunds what cancelled bookings still owe (of `bookingIds`, or of the whole concert), a batch at
   * a time, outside any transaction, a bounded number at once. A refund the processor refuses is
   * kept in last_error and tried again by a later run.
   */
  private async refundBatch(claim: Claim, failed: Set<string>, bookingIds?: string[]): Promise<number> {
    const { db } = this.checkout;
    const owed = (await refundsOwed(db, claim.concertId, failed, this.batchSize, bookingIds)).filter(
      (payment): payment is RefundablePayment => payment.providerReference !== null,
    );
    const run = await refundPayments(this.checkout, owed, this.refundConcurrency);
    for (const { id, error } of run.failed) {
      failed.add(id);
      this.options.log?.warn(`refund of payment ${id} failed: ${error.message}`);
    }
    if (run.failed.length > 0) {
      await db.update(concertCancellations).set({ lastError: run.failed.at(-1)!.error.message }).where(eq(concertCancellations.concertId, claim.concertId));
    }
    // A batch adds what this call recorded (only it changed those payments, so nothing counts
    // twice). A sweep recounts from the payments, taking in refunds made by other paths (a shopper's
    // cancellation, settlement): reading every payment of the concert per batch would cost O(n²).
    // Only while the job runs: a runner that lost its lease may record its last refunds after
    // another finished the job, whose final recount already has them.
    if (run.recorded > 0) {
      const refundedCents = bookingIds ? sql`${concertCancellations.refundedCents} + ${run.recordedCents}` : refundedOn(claim.concertId);
      await db
        .update(concertCancellations)
        .set({ refundedCents })
        .where(and(eq(concertCancellations.concertId, claim.concertId), eq(concertCancellations.status, 'RUNNING')));
    }
    await this.options.afterStep?.('refunded', claim.concertId);
    return owed.length - run.failed.length;
  }

  /**
   * DONE when nothing is live or owed any more; otherwise the next run looks again. Nothing can become
   * live after the cancellation committed: it stopped sales on the tier rows (sales-stop.ts).
   */
  private async finishOrRelease(claim: Claim) {
    const job = concertCancellations;
    const left = sql`EXISTS (SELECT 1 FROM ${bookings} WHERE ${bookings.concertId} = ${claim.concertId} AND ${bookings.status} IN ('PENDING', 'CONFIRMED'))
      OR EXISTS (SELECT 1 FROM ${payments} JOIN ${bookings} ON ${bookings.id} = ${payments.bookingId}
                 WHERE ${bookings.concertId} = ${claim.concertId} AND ${payments.status} = 'SUCCEEDED')`;
    const [done] = await this.checkout.db
      .update(job)
      .set({ status: 'DONE', finishedAt: sql`now()`, claimToken: null, claimedUntil: null, refundedCents: refundedOn(claim.concertId) })
      .where(and(eq(job.concertId, claim.concertId), eq(job.claimToken, claim.token), sql`NOT (${left})`))
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
