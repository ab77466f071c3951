import type { TierRow } from './tier-row.ts';

/**
 * One subscriber's undelivered tiers, newest row per tier only. A subscriber that falls behind
 * (slow socket, busy server) skips states nobody needs any more instead of queueing every one, so
 * its memory is bounded by the number of tiers it watches and what it gets is never stale.
 *
 * It is its own async iterator rather than an async generator: return() must end it at once even
 * while it waits for the next change, or an unsubscribed client would linger until then.
 */
export class LatestTierQueue implements AsyncIterableIterator<TierRow> {
  private readonly pending = new Map<string, TierRow>();
  private waiting: ((result: IteratorResult<TierRow>) => void) | null = null;
  private closed = false;

  constructor(private readonly onClose: () => void) {}

  push(rows: readonly TierRow[]) {
    if (this.closed) return;
    for (const row of rows) {
      // Re-inserting moves the tier to the back, so tiers leave in the order they last changed.
      this.pending.delete(row.id);
      this.pending.set(row.id, row);
    }
    this.deliver();
  }

  next(): Promise<IteratorResult<TierRow>> {
    if (this.closed) return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.deliver();
    });
  }

  return(): Promise<IteratorResult<TierRow>> {
    this.close();
    return Promise.resolve({ done: true, value: undefined });
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    this.pending.clear();
    this.waiting?.({ done: true, value: undefined });
    this.waiting = null;
    this.onClose();
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  private deliver() {
    if (!this.waiting || this.pending.size === 0) return;
    const [id, row] = this.pending.entries().next().value as [string, TierRow];
    this.pending.delete(id);
    const resolve = this.waiting;
    this.waiting = null;
    resolve({ done: false, value: row });
  }
}
