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
