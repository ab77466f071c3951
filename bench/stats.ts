// Small numeric helpers shared by the phases and the orchestrator.

export function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function round(value: number) {
  return Math.round(value * 100) / 100;
}

/** The q-quantile of an ascending list (nearest rank), rounded to 0.01. */
export function quantile(sorted: number[], q: number) {
  return round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
}

/**
 * Latencies in 0.1 ms buckets: tens of thousands of subscribers × dozens of ticks stay a few
 * thousand numbers, and histograms from several client processes merge by adding.
 */
export class LatencyHistogram {
  readonly counts = new Map<number, number>();
  total = 0;

  add(ms: number) {
    const bucket = Math.max(0, Math.round(ms * 10));
    this.counts.set(bucket, (this.counts.get(bucket) ?? 0) + 1);
    this.total += 1;
  }

  merge(entries: [number, number][]) {
    for (const [bucket, count] of entries) {
      this.counts.set(bucket, (this.counts.get(bucket) ?? 0) + count);
      this.total += count;
    }
  }

  entries(): [number, number][] {
    return [...this.counts];
  }

  /** The q-quantile in ms (nearest rank), NaN when empty. */
  quantile(q: number) {
    if (this.total === 0) return NaN;
    const rank = Math.min(this.total - 1, Math.floor(q * this.total));
    let seen = 0;
    for (const [bucket, count] of [...this.counts].sort((a, b) => a[0] - b[0])) {
      seen += count;
      if (seen > rank) return bucket / 10;
    }
    return NaN;
  }
}
