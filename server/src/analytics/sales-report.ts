import type { Database } from '../db/client.ts';
import { salesOverTime, tierFigures, type SalesBucket, type SalesRange } from './sales-figures.ts';

/**
 * One concert's sales figures for a range, each computed on first use and then shared: the
 * GraphQL fields of one query, or of every subscriber given the same report, run each query once.
 */
export interface SalesReport {
  range: SalesRange;
  bucket: SalesBucket;
  /** The concert's organizer: the only viewer the report is for (checked on every delivery). */
  organizerId: string | null;
  /** Of the concert's tiers (one currency per concert). */
  currency: string;
  tiers(): ReturnType<typeof tierFigures>;
  overTime(): ReturnType<typeof salesOverTime>;
}

/** What a report needs of its concert besides the figures: the venue's time zone, and its currency. */
export interface ReportedConcert {
  id: string;
  timeZone: string;
  currency: string;
  organizerId: string | null;
}

export function createSalesReport(db: Database, concert: ReportedConcert, range: Omit<SalesRange, 'concertId'>, bucket: SalesBucket): SalesReport {
  const { timeZone, currency } = concert;
  const scoped = { ...range, concertId: concert.id };
  const once = <T>(load: () => Promise<T>) => {
    let value: Promise<T> | undefined;
    return () => (value ??= load());
  };
  return {
    range: scoped,
    bucket,
    organizerId: concert.organizerId,
    currency,
    tiers: once(() => tierFigures(db, scoped)),
    overTime: once(() => salesOverTime(db, scoped, bucket, timeZone)),
  };
}
