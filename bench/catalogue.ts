// The concert page's query (web/src/routes/ConcertRoute.tsx with its fragments), read-only.
import { globalId } from './fixtures.ts';
import { runLoad, type Pids } from './load.ts';

const CONCERT_PAGE = /* GraphQL */ `query Concert($id: ID!) {
  concert(id: $id) {
    id name venue startsAt
    tiers { id name available capacity price { cents currency } }
  }
}`;

export interface CatalogueOptions {
  url: string;
  concertId: string;
  connections: number;
  durationSec: number;
  warmupSec: number;
  pids: Pids;
}

export async function runCatalogue(options: CatalogueOptions) {
  const body = JSON.stringify({ query: CONCERT_PAGE, variables: { id: globalId('Concert', options.concertId) } });
  const measured = await runLoad(
    {
      url: options.url,
      connections: options.connections,
      durationSec: options.durationSec,
      warmupSec: options.warmupSec,
      bodies: [body],
      successMarker: '"tiers":[{',
    },
    options.pids,
  );
  return measured;
}
