// The analytics page's date range and bucket, and how they become salesAnalytics' arguments.
// The server counts bookings made within [from, to) to the minute; MINUTE buckets need both ends
// at most 24 hours apart, and the live subscription offers HOUR and DAY only.

export type SalesBucket = 'MINUTE' | 'HOUR' | 'DAY';
export type RangePreset = 'lastHour' | 'last24h' | 'last7d' | 'sinceOnSale' | 'custom';

export interface SalesRange {
  preset: RangePreset;
  /** ISO instants; null from: since the first booking; null to: open, so new sales keep arriving. */
  from: string | null;
  to: string | null;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const MINUTE_LIMIT_MS = DAY_MS;

export const PRESET_LABELS: Record<Exclude<RangePreset, 'custom'>, string> = {
  lastHour: 'Last hour',
  last24h: 'Last 24 h',
  last7d: 'Last 7 days',
  sinceOnSale: 'Since on-sale',
};

export const BUCKET_LABELS: Record<SalesBucket, string> = { MINUTE: 'Per minute', HOUR: 'Per hour', DAY: 'Per day' };

/**
 * Presets end open (to null), so a sale made while the page is open is inside the range.
 * "Since on-sale" asks from nothing: no booking can be made before a concert goes on sale, and an
 * unbounded range is exactly what the live subscription reports, so its figures need no re-query.
 */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, now: Date): SalesRange {
  const back = { lastHour: HOUR_MS, last24h: DAY_MS, last7d: 7 * DAY_MS, sinceOnSale: null }[preset];
  return { preset, from: back === null ? null : new Date(now.getTime() - back).toISOString(), to: null };
}

export function customRange(from: string | null, to: string | null): SalesRange {
  return { preset: 'custom', from, to };
}

/** A range whose end comes before its start asks for nothing; say so instead of querying. */
export function rangeProblem(range: SalesRange): string | null {
  if (range.from && range.to && Date.parse(range.to) <= Date.parse(range.from)) return 'The end must be after the start.';
  return null;
}

/**
 * MINUTE only where the series stays readable and the server accepts it: a span of at most 23 h,
 * leaving room in the 24 h the server allows for the sales still to come in an open range.
 */
export function bucketsFor(range: SalesRange, now: Date): SalesBucket[] {
  const span = spanMs(range, now);
  const minuteOk = span !== null && span <= (range.to ? MINUTE_LIMIT_MS : MINUTE_LIMIT_MS - HOUR_MS);
  return minuteOk ? ['MINUTE', 'HOUR', 'DAY'] : ['HOUR', 'DAY'];
}

/** The bucket that gives a few dozen points at most for the range. */
export function defaultBucket(range: SalesRange, now: Date): SalesBucket {
  const span = spanMs(range, now);
  if (span !== null && span <= 2 * HOUR_MS && bucketsFor(range, now).includes('MINUTE')) return 'MINUTE';
  if (span !== null && span <= 3 * DAY_MS) return 'HOUR';
  return range.from === null ? 'HOUR' : 'DAY';
}

/** A bucket the range no longer allows falls back to the range's default. */
export function fitBucket(bucket: SalesBucket, range: SalesRange, now: Date): SalesBucket {
  return bucketsFor(range, now).includes(bucket) ? bucket : defaultBucket(range, now);
}

export interface SalesQueryArgs {
  from: string | null;
  to: string | null;
  bucket: SalesBucket;
}

/** An open range in MINUTE buckets is closed 24 h after its start: the server needs an end, and the page an hour at least of new sales. */
export function queryArgs(range: SalesRange, bucket: SalesBucket): SalesQueryArgs {
  if (bucket === 'MINUTE' && range.from && !range.to) {
    return { from: range.from, to: new Date(Date.parse(range.from) + MINUTE_LIMIT_MS).toISOString(), bucket };
  }
  return { from: range.from, to: range.to, bucket };
}

/** The subscription reports every booking of the concert; its figures are the page's only when the page asks for all of them. */
export function liveReportFits(args: SalesQueryArgs): boolean {
  return args.from === null && args.to === null && args.bucket !== 'MINUTE';
}

/** The subscription's bucket: MINUTE is not offered live, and then the push only says "re-read". */
export function liveBucket(bucket: SalesBucket): Exclude<SalesBucket, 'MINUTE'> {
  return bucket === 'MINUTE' ? 'HOUR' : bucket;
}

function spanMs(range: SalesRange, now: Date): number | null {
  if (!range.from) return null;
  return (range.to ? Date.parse(range.to) : now.getTime()) - Date.parse(range.from);
}
