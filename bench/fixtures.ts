// The concerts each phase books or reads. Capacities are large enough that nothing sells out during
// a run, so every phase measures the booking path, not the sold-out path.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { insertPartnerKey } from '../server/src/auth/demo-accounts.ts';
import { PARTNER_SCOPES } from '../server/src/auth/partner-permissions.ts';
import { users } from '../server/src/db/auth-schema.ts';
import { createDatabase } from '../server/src/db/client.ts';
import { seedDemoCatalogue } from '../server/src/db/seed.ts';

export interface Fixture {
  concertId: string;
  tierIds: string[];
  capacity: number;
}

export interface Fixtures {
  hot: Fixture;
  spread: Fixture;
  fanout: Fixture;
  /** Hold → pay checkouts: their own concert, so its ledger holds nothing else. */
  paid: Fixture;
  /** A concert of the demo catalogue, as the concert page shows it (3 tiers). */
  catalogueConcertId: string;
  /** Partner keys (every scope) the booking phases send as x-api-key. */
  partnerKeys: {
    /** With a quota no phase reaches: every request still costs its limiter hit, as in production. */
    limited: string;
    /** rateLimitEnabled=false: the same path with no limiter round trip, to price the limiter. */
    unlimited: string;
  };
}

// 100 M a minute: counted on every request, never refused at bench rates.
const BENCH_KEY_QUOTA = { max: 100_000_000, windowMs: 60_000 };

const TIER_CAPACITY = 50_000_000;

export async function createFixtures(url: string): Promise<Fixtures> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return {
      hot: await createConcert(client, 'Hot tier on-sale', 1),
      spread: await createConcert(client, 'Spread over 100 tiers', 100),
      fanout: await createConcert(client, 'Fan-out', 1),
      paid: await createConcert(client, 'Hold then pay', 1),
      catalogueConcertId: await seedCatalogue(url, client),
      partnerKeys: await createPartnerKeys(url),
    };
  } finally {
    await client.end();
  }
}

export async function createConcert(client: pg.Client, name: string, tiers: number): Promise<Fixture> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO concerts (name, venue, starts_at) VALUES ($1, 'Bench Arena', now() + interval '30 days') RETURNING id`,
    [name],
  );
  const concertId = rows[0].id;
  const tierRows = await client.query<{ id: string }>(
    `INSERT INTO ticket_tiers (concert_id, name, price_cents, currency, capacity, available, position)
     SELECT $1, 'Tier ' || n, 5000, 'USD', $2, $2, n FROM generate_series(1, $3) AS n
     RETURNING id`,
    [concertId, TIER_CAPACITY, tiers],
  );
  return { concertId, tierIds: tierRows.rows.map((row) => row.id), capacity: TIER_CAPACITY };
}

async function createPartnerKeys(url: string) {
  const { db, pool } = createDatabase({ url, poolSize: 1 });
  try {
    const ownerId = 'bench-partner-owner';
    await db.insert(users).values({ id: ownerId, name: 'Bench partner owner', email: 'bench-partner@example.com', role: 'organizer', emailVerified: true });
    const limited = `ct_bench_${randomBytes(24).toString('base64url')}`;
    const unlimited = `ct_bench_${randomBytes(24).toString('base64url')}`;
    await insertPartnerKey(db, { ownerId, plainKey: limited, name: 'Bench partner', scopes: PARTNER_SCOPES, rateLimit: BENCH_KEY_QUOTA });
    await insertPartnerKey(db, { ownerId, plainKey: unlimited, name: 'Bench partner without quota', scopes: PARTNER_SCOPES, rateLimit: null });
    return { limited, unlimited };
  } finally {
    await pool.end();
  }
}

async function seedCatalogue(url: string, client: pg.Client) {
  const { db, pool } = createDatabase({ url, poolSize: 1 });
  await seedDemoCatalogue(db).finally(() => pool.end());
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM concerts WHERE venue <> 'Bench Arena' ORDER BY starts_at, id LIMIT 1`,
  );
  return rows[0].id;
}

/** Relay global ids, as clients send them (base64 of `Type:id`). */
export const globalId = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString('base64');

/**
 * A concert with its waiting room on and the pre-queue open: the on-sale (the draw) an hour away
 * until the phase moves it, written directly as the organizer's configureWaitingRoom would. The
 * shopping cap is the highest the API allows, so that only the rate decides admissions.
 */
export async function createWaitingRoomConcert(client: pg.Client, admissionsPerMinute: number) {
  const { concertId } = await createConcert(client, 'Waiting room', 1);
  await client.query(`UPDATE concerts SET on_sale_at = now() + interval '1 hour' WHERE id = $1`, [concertId]);
  await client.query(
    `INSERT INTO waiting_rooms (concert_id, enabled, pre_queue_minutes, admissions_per_minute, max_shopping, admission_seconds)
     VALUES ($1, true, 120, $2, 1000000, 600)`,
    [concertId, admissionsPerMinute],
  );
  return concertId;
}
