// The concert page of the concert that is selling, read by guests while partners book it: every
// booking batch announces an availability change, which forgets the page's kept result, so this is
// the catalogue at its worst for the result cache (http/catalogue-result-cache.ts).
import { runCatalogue } from './catalogue.ts';
import type { Fixture } from './fixtures.ts';
import { runBookingLoad } from './hot-tier.ts';
import type { Pids } from './load.ts';
import type { ServerProcess } from './server-process.ts';

export interface OnsalePageOptions {
  server: ServerProcess;
  databaseUrl: string;
  fixture: Fixture;
  apiKey: string;
  /** Split evenly between page readers and bookers. */
  connections: number;
  durationSec: number;
  warmupSec: number;
  pids: Pids;
}

export async function runOnsalePage(options: OnsalePageOptions) {
  const { server, fixture, durationSec, warmupSec, pids } = options;
  const half = Math.max(1, Math.floor(options.connections / 2));
  const before = await server.catalogueResults();
  const [pages, bookings] = await Promise.all([
    runCatalogue({ url: server.url, concertId: fixture.concertId, connections: half, durationSec, warmupSec, pids }),
    runBookingLoad({ url: server.url, databaseUrl: options.databaseUrl, fixture, connections: half, durationSec, warmupSec, pids, apiKey: options.apiKey }),
  ]);
  const after = await server.catalogueResults();
  const counted = (outcome: string) => (after && before ? (after[outcome] ?? 0) - (before[outcome] ?? 0) : NaN);
  const hits = counted('hit');
  const misses = counted('miss');
  return {
    pagesPerSec: pages.result.perSec,
    pageP50Ms: pages.result.p50Ms,
    pageP95Ms: pages.result.p95Ms,
    pageErrors: pages.result.errors,
    bookingsPerSec: bookings.result.perSec,
    bookingP95Ms: bookings.result.p95Ms,
    bookingErrors: bookings.result.errors,
    consistent: bookings.consistent,
    /** Of the guests' page reads (warm-up included): answered from a kept result. NaN from a server without the cache. */
    hitRate: Math.round((hits / (hits + misses)) * 1000) / 1000,
    cores: bookings.cores,
  };
}
