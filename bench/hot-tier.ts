// Bookings over HTTP GraphQL: 64 clients on one tier (the on-sale moment) or spread over many.
import pg from 'pg';
import { globalId, type Fixture } from './fixtures.ts';
import { runLoad, type Pids } from './load.ts';

// What a buyer's client needs back: the outcome and the booking's id.
const BOOK = /* GraphQL */ `mutation Book($input: BookTicketsInput!) {
  bookTickets(input: $input) {
    __typename
    ... on BookTicketsSuccess { replayed booking { id } }
    ... on Error { message }
  }
}`;

// holdTickets: the same input, held for the concert's hold time instead of confirmed.
const HOLD = /* GraphQL */ `mutation Hold($input: BookTicketsInput!) {
  holdTickets(input: $input) {
    __typename
    ... on HoldTicketsSuccess { replayed booking { id expiresAt } }
    ... on Error { message }
  }
}`;

export interface BookingLoadOptions {
  /** `hold` sends holdTickets instead of bookTickets. */
  mode?: 'book' | 'hold';
  url: string;
  fixture: Fixture;
  connections: number;
  durationSec: number;
  warmupSec: number;
  pids: Pids;
  databaseUrl: string;
  /** The partner key every request is sent with (bookTickets and partner holds need one). */
  apiKey: string;
}

export async function runBookingLoad(options: BookingLoadOptions) {
  const concertId = globalId('Concert', options.fixture.concertId);
  const bodies = options.fixture.tierIds.map((tierId) =>
    JSON.stringify({
      query: options.mode === 'hold' ? HOLD : BOOK,
      variables: {
        input: {
          concertId,
          items: [{ tierId: globalId('TicketTier', tierId), quantity: 1 }],
          // A hold is a shopper of its own: one email may hold only a few tickets of a concert.
          customerEmail: options.mode === 'hold' ? 'fan-[<id>]@example.com' : 'fan@example.com',
          // autocannon replaces [<id>] with a unique id per request (every occurrence, the same id).
          idempotencyKey: 'bench-[<id>]',
        },
      },
    }),
  );
  const before = await soldTickets(options.databaseUrl, options.fixture);
  const measured = await runLoad(
    {
      url: options.url,
      connections: options.connections,
      durationSec: options.durationSec,
      warmupSec: options.warmupSec,
      bodies,
      headers: { 'x-api-key': options.apiKey },
      successMarker: options.mode === 'hold' ? '"__typename":"HoldTicketsSuccess"' : '"__typename":"BookTicketsSuccess"',
    },
    options.pids,
  );
  const after = await soldTickets(options.databaseUrl, options.fixture);
  // Every confirmed booking or hold must be in the database, and tier counters must match booking rows.
  const consistent = after.fromCounters === after.fromItems && after.fromItems - before.fromItems >= measured.result.successes;
  return { ...measured, consistent };
}

/** Tickets sold on the fixture's tiers, counted twice: from tier counters and from booking rows. */
async function soldTickets(url: string, fixture: Fixture) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ from_counters: number; from_items: number }>(
      `SELECT (SELECT sum(capacity - available) FROM ticket_tiers WHERE id = ANY($1))::int AS from_counters,
              (SELECT coalesce(sum(quantity), 0) FROM booking_items WHERE tier_id = ANY($1))::int AS from_items`,
      [fixture.tierIds],
    );
    return { fromCounters: rows[0].from_counters, fromItems: rows[0].from_items };
  } finally {
    await client.end();
  }
}
