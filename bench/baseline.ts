// The floor: `{ __typename }` through the same server, HTTP stack, Yoga plugins and 64 clients as the
// other phases, with no resolver and no SQL. Bookings/s and catalogue req/s are reported as a ratio
// of its req/s, and every phase's server CPU per request can be compared with its CPU per request.
import { runLoad, type Measured, type Pids } from './load.ts';
import type { LoadResult } from './load-worker.ts';

const TYPENAME = /* GraphQL */ `{ __typename }`;

export interface BaselineOptions {
  url: string;
  connections: number;
  durationSec: number;
  warmupSec: number;
  pids: Pids;
}

export function runBaseline(options: BaselineOptions) {
  return runLoad(
    {
      url: options.url,
      connections: options.connections,
      durationSec: options.durationSec,
      warmupSec: options.warmupSec,
      bodies: [JSON.stringify({ query: TYPENAME })],
      successMarker: '"__typename":"Query"',
    },
    options.pids,
  );
}

/** Server CPU per answered request in µs: the server's CPU seconds over the window ÷ requests. */
export function serverUsPerRequest(measured: Measured<LoadResult>) {
  const { result, cores } = measured;
  if (!result.requests) return NaN;
  return Math.round(((cores.server ?? 0) * result.durationSec * 1e6) / result.requests);
}
