import type { Database } from '../db/client.ts';
import { salesOverTime, tierFigures, type SalesBucket, type SalesRange } from './sales-figures.ts';

/**
 * One concert's sales figures for a range, each computed on first use and then shared: the
 * GraphQL fields of one query, or of every subscriber given the same report, run each query once.
 */
export interface SalesReport {
  range: SalesRange;
  bucket: SalesBucket;
  tiers(): ReturnType<typeof tierFigures>;
  overTime(): ReturnType<typeof salesOverTime>;
}

export function createSalesReport(db: Database, range: SalesRange, bucket: SalesBucket, timeZone: string): SalesReport {
  const once = <T>(load: () => Promise<T>) => {
    let value: Promise<T> | undefined;
    return () => (value ??= load());
  };
  return {
    range,
    bucket,
    tiers: once(() => tierFigures(db, range)),
    overTime: once(() => salesOverTime(db, range, bucket, timeZone)),
  };
}
