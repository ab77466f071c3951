import type { PushSource } from './push-source.ts';
import type { TierRow } from './tier-row.ts';

/**
 * One subscriber's undelivered tiers, newest row per tier only. A subscriber that falls behind
 * (slow socket, busy server) skips states nobody needs any more instead of queueing every one, so
 * its memory is bounded by the number of tiers it watches and what it gets is never stale.
 *
 * It is its own async iterator rather than an async generator: return() must end it at once even
 * while it waits for the next change, or an unsubscribed client would linger until then. It is also
 * a PushSource: a WebSocket subscriber takes rows from it in the feed's own loop (subscription-pump.ts).
 */
export class LatestTierQueue implements PushSource<TierRow> {
  private readonly pending = new Map<string, TierRow>();
  private waiting: ((result: IteratorResult<TierRow>) => void) | null = null;
  private listener: (() => void) | null = null;
  private isClosed = false;

  constructor(private readonly onClose: () => void) {}

  get closed() {
    return this.isClosed;
  }

  push(rows: readonly TierRow[]) {
    if (this.isClosed) return;
    for (const row of rows) {
      // Re-inserting moves the tier to the back, so tiers leave in the order they last changed.
      this.pending.delete(row.id);
      this.pending.set(row.id, row);
    }
    if (this.listener) this.listener();
    else this.deliver();
  }

  /** The oldest pending tier's newest row, if any (see PushSource). */
  take(): TierRow | undefined {
    const first = this.pending.entries().next();
    if (first.done) return undefined;
    this.pending.delete(first.value[0]);
    return first.value[1];
  }

  setListener(listener: (() => void) | null) {
    this.listener = listener;
  }

  next(): Promise<IteratorResult<TierRow>> {
    if (this.isClosed) return Promise.resolve({ done: true, value: undefined });
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
    if (this.isClosed) return;
    this.isClosed = true;
    this.pending.clear();
    this.waiting?.({ done: true, value: undefined });
    this.waiting = null;
    this.onClose();
    this.listener?.();
    this.listener = null;
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  private deliver() {
    if (!this.waiting || this.pending.size === 0) return;
    const row = this.take()!;
    const resolve = this.waiting;
    this.waiting = null;
    resolve({ done: false, value: row });
  }
}
