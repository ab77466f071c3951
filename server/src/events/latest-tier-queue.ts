import { LatestQueue } from './latest-queue.ts';
import type { TierRow } from './tier-row.ts';

/**
 * One subscriber's undelivered tiers, newest row per tier only: its memory is bounded by the number
 * of tiers it watches (see LatestQueue).
 */
export class LatestTierQueue extends LatestQueue<TierRow> {
  private readonly pending = new Map<string, TierRow>();

  push(rows: readonly TierRow[]) {
    if (this.closed) return;
    for (const row of rows) {
      // Re-inserting moves the tier to the back, so tiers leave in the order they last changed.
      this.pending.delete(row.id);
      this.pending.set(row.id, row);
    }
    this.announce();
  }

  /** The oldest pending tier's newest row, if any (see PushSource). */
  take(): TierRow | undefined {
    const first = this.pending.entries().next();
    if (first.done) return undefined;
    this.pending.delete(first.value[0]);
    return first.value[1];
  }

  protected clear() {
    this.pending.clear();
  }
}
