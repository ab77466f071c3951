import type { DatabaseConnection } from '../db/client.ts';
import { isTransientDatabaseError } from '../db/transient-errors.ts';
import { commitBookingBatch } from './commit-booking-batch.ts';
import type { BookingOutcome, PreparedBooking } from './prepared-booking.ts';

export interface BookingCoalescerOptions {
  /**
   * Batch statements in flight at once. A batch books any number of tiers in one statement, so one
   * at a time is fastest (bench, 64 clients: 1 → 3,635 bookings/s, 2 → 3,264, 4 → 3,143, 8 → 2,861);
   * the default of 2 gives up a little of that so that a batch waiting on a lock held elsewhere
   * (an idempotency key another instance is writing) does not stall every booking of this process.
   */
  maxConcurrentBatches?: number;
  maxBatchSize?: number;
  /** Told the size of each batch as it starts, for metrics; must be cheap. */
  onBatch?: (size: number) => void;
}

interface Waiting {
  booking: PreparedBooking;
  resolve: (outcome: BookingOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Bookings that arrive while a transaction is in flight are written together by the next one.
 * A hot tier row is then locked once per batch instead of once per booking, which is what lets
 * an on-sale go faster than a single row's lock-and-commit cycle allows. Each booking still gets
 * its own all-or-nothing outcome (see commitBookingBatch).
 */
export class BookingCoalescer {
  private readonly queue: Waiting[] = [];
  /** The latest submission of each idempotency key still queued or in flight. */
  private readonly latestByKey = new Map<string, Promise<BookingOutcome | null>>();
  private inFlight = 0;
  private readonly maxConcurrentBatches: number;
  private readonly maxBatchSize: number;

  constructor(
    private readonly connection: Pick<DatabaseConnection, 'db' | 'run' | 'transaction'>,
    private readonly options: BookingCoalescerOptions = {},
  ) {
    this.maxConcurrentBatches = options.maxConcurrentBatches ?? 2;
    this.maxBatchSize = options.maxBatchSize ?? 256;
  }

  /**
   * Requests with one key are written one after another: two in one batch would race for the key
   * inside the same transaction. Once one has booked, the rest need no transaction: the key is taken.
   */
  submit(booking: PreparedBooking): Promise<BookingOutcome> {
    const key = booking.idempotencyKey;
    const previous = this.latestByKey.get(key);
    const outcome = previous
      ? previous.then((earlier) => (earlier?.kind === 'booked' ? { kind: 'keyTaken' as const } : this.enqueue(booking)))
      : this.enqueue(booking);
    const settled = outcome.catch(() => null);
    this.latestByKey.set(key, settled);
    void settled.then(() => {
      if (this.latestByKey.get(key) === settled) this.latestByKey.delete(key);
    });
    return outcome;
  }

  private enqueue(booking: PreparedBooking): Promise<BookingOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ booking, resolve, reject });
      this.drain();
    });
  }

  /** Bookings queued or being written; used for graceful shutdown and metrics. */
  get pending() {
    return this.queue.length + this.inFlight;
  }

  private drain() {
    while (this.inFlight < this.maxConcurrentBatches && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatchSize);
      this.inFlight += 1;
      void this.run(batch).finally(() => {
        this.inFlight -= 1;
        this.drain();
      });
    }
  }

  private async run(batch: Waiting[]) {
    this.options.onBatch?.(batch.length);
    try {
      const outcomes = await commitBookingBatch(
        this.connection,
        batch.map((waiting) => waiting.booking),
      );
      batch.forEach((waiting, index) => waiting.resolve(outcomes[index]));
    } catch (error) {
      if (batch.length === 1 || isTransientDatabaseError(error)) {
        for (const waiting of batch) waiting.reject(error);
        return;
      }
      // One booking the database refuses (say, its concert was deleted after its tier was cached)
      // must not fail the others it happened to share a batch with: write each on its own.
      for (const waiting of batch) await this.run([waiting]);
    }
  }
}
