import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { BookingCoalescer } from '../src/booking/booking-coalescer.ts';
import { commitBatchCarefully, commitBookingBatch } from '../src/booking/commit-booking-batch.ts';
import { bookBatchInOneStatement } from '../src/booking/one-statement-batch.ts';
import type { PreparedBooking } from '../src/booking/prepared-booking.ts';
import { TierCatalogue } from '../src/booking/tier-catalogue.ts';
import { createDatabase } from '../src/db/client.ts';
import { bookingItems, bookings, ticketTiers } from '../src/db/schema.ts';
import { concertChannel } from '../src/events/availability-channel.ts';
import { createConcert, createTestApp, graphql, testDatabaseUrl } from './support/test-app.ts';

// The batch writers and the tier cache, called directly against the real test database.
const statements: string[] = [];
const database = createDatabase({ url: testDatabaseUrl(), poolSize: 4, onQuery: (query) => statements.push(query) });
const { db, pool } = database;
afterAll(() => pool.end());

type Tier = { id: string; concertId: string; priceCents: number };
function prepared(tiers: [Tier, number][], key: string = randomUUID()): PreparedBooking {
  return {
    bookingId: randomUUID(),
    concertId: tiers[0][0].concertId,
    customerEmail: 'fan@example.com',
    idempotencyKey: key,
    fingerprint: 'f'.repeat(64),
    apiKeyId: null,
    userId: null,
    currency: 'USD',
    holdSeconds: null,
    items: tiers.map(([tier, quantity]) => ({ tierId: tier.id, tierName: 'Tier', quantity, unitPriceCents: tier.priceCents })),
  };
}

const availableOf = async (ids: string[]) =>
  (await db.select().from(ticketTiers).where(inArray(ticketTiers.id, ids)).orderBy(ticketTiers.position)).map((t) => t.available);
const itemsOf = (bookingIds: string[]) => db.select().from(bookingItems).where(inArray(bookingItems.bookingId, bookingIds));

/** Collects the NOTIFYs of one concert's channel while `work` runs. */
async function notificationsDuring(concertId: string, work: () => Promise<unknown>) {
  const listener = new pg.Client({ connectionString: testDatabaseUrl() });
  await listener.connect();
  const payloads: string[] = [];
  listener.on('notification', (message) => payloads.push(message.payload ?? ''));
  await listener.query(`LISTEN "${concertChannel(concertId)}"`);
  await work();
  await listener.query('SELECT 1'); // notifications of committed work have arrived before this answer
  await listener.end();
  return payloads.map((payload) => JSON.parse(payload) as { concertId: string; tierIds: string[] });
}

/** Resolves once some backend waits for a lock that the backend `holderPid` holds. */
async function blockedBy(holderPid: number) {
  for (;;) {
    const waiting = await pool.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`, [holderPid]);
    if (waiting.rows[0].n > 0) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('bookBatchInOneStatement', () => {
  it('books a whole multi-tier batch and notifies the changed tiers once, in id order', async () => {
    const { concert, tiers } = await createConcert(db, [{ capacity: 10 }, { capacity: 10 }]);
    const batch = [prepared([[tiers[0], 2], [tiers[1], 1]]), prepared([[tiers[1], 3]])];
    let outcomes: unknown;
    const notices = await notificationsDuring(concert.id, async () => {
      outcomes = await bookBatchInOneStatement(database, batch);
    });
    expect(outcomes).toEqual(batch.map((booking) => ({ kind: 'booked', bookingId: booking.bookingId, createdAt: expect.any(Date), orderCode: expect.any(String), expiresAt: null })));
    expect(await availableOf(tiers.map((t) => t.id))).toEqual([8, 6]);
    expect(await itemsOf(batch.map((b) => b.bookingId))).toHaveLength(3);
    const [row] = await db.select().from(bookings).where(eq(bookings.id, batch[0].bookingId));
    expect(row.totalCents).toBe(2 * tiers[0].priceCents + tiers[1].priceCents);
    expect(notices).toEqual([{ concertId: concert.id, tierIds: tiers.map((t) => t.id).sort() }]);
  });

  it('writes and notifies nothing when one booking of the batch cannot be served', async () => {
    const { concert, tiers } = await createConcert(db, [{ capacity: 10, available: 2 }]);
    const batch = [prepared([[tiers[0], 1]]), prepared([[tiers[0], 2]])];
    let outcome: unknown;
    const notices = await notificationsDuring(concert.id, async () => {
      outcome = await bookBatchInOneStatement(database, batch);
    });
    expect(outcome).toBeNull();
    expect(notices).toEqual([]);
    expect(await availableOf([tiers[0].id])).toEqual([2]);
    const written = await db.select().from(bookings).where(inArray(bookings.id, batch.map((b) => b.bookingId)));
    expect(written).toEqual([]);
  });

  it('skips a booking whose key is already taken and books the rest', async () => {
    const { tiers } = await createConcert(db, [{ capacity: 10 }]);
    const first = prepared([[tiers[0], 1]]);
    await bookBatchInOneStatement(database, [first]);
    const again = prepared([[tiers[0], 4]], first.idempotencyKey);
    const other = prepared([[tiers[0], 2]]);
    expect(await bookBatchInOneStatement(database, [again, other])).toEqual([
      { kind: 'keyTaken' },
      { kind: 'booked', bookingId: other.bookingId, createdAt: expect.any(Date), orderCode: expect.any(String), expiresAt: null },
    ]);
    expect(await availableOf([tiers[0].id])).toEqual([7]);
    expect(await itemsOf([again.bookingId])).toEqual([]);
  });

  it('sends nothing at all when every key of the batch is taken', async () => {
    const { concert, tiers } = await createConcert(db, [{ capacity: 10 }]);
    const first = prepared([[tiers[0], 1]]);
    await bookBatchInOneStatement(database, [first]);
    const notices = await notificationsDuring(concert.id, () => bookBatchInOneStatement(database, [prepared([[tiers[0], 1]], first.idempotencyKey)]));
    expect(notices).toEqual([]);
    expect(await availableOf([tiers[0].id])).toEqual([9]);
  });
});

describe('commitBookingBatch', () => {
  it('falls back to deciding booking by booking, first come first served, when a tier runs short', async () => {
    const { tiers } = await createConcert(db, [{ capacity: 10, available: 3 }, { capacity: 10 }]);
    const batch = [
      prepared([[tiers[0], 2]]),
      prepared([[tiers[0], 2], [tiers[1], 1]]), // only 1 left of tier 0 by now: refused whole
      prepared([[tiers[0], 1]]),
      prepared([[tiers[1], 5]]),
    ];
    const outcomes = await commitBookingBatch(database, batch);
    expect(outcomes.map((o) => o.kind)).toEqual(['booked', 'soldOut', 'booked', 'booked']);
    expect(outcomes[1]).toMatchObject({ tierId: tiers[0].id, requested: 2, available: 1 });
    expect(await availableOf(tiers.map((t) => t.id))).toEqual([0, 5]);
    expect(await itemsOf([batch[1].bookingId])).toEqual([]);
    const [{ count }] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(bookings)
      .where(inArray(bookings.id, batch.map((b) => b.bookingId)));
    expect(count).toBe(3);
  });
});

describe('commitBatchCarefully', () => {
  it('notifies exactly the tiers it changed, on commit', async () => {
    const { concert, tiers } = await createConcert(db, [{ capacity: 10, available: 1 }, { capacity: 10 }, { capacity: 10 }]);
    const batch = [prepared([[tiers[0], 2]]), prepared([[tiers[1], 1]])]; // the first is refused
    let outcomes: { kind: string }[] = [];
    const notices = await notificationsDuring(concert.id, async () => {
      outcomes = await commitBatchCarefully(database, batch);
    });
    expect(outcomes.map((o) => o.kind)).toEqual(['soldOut', 'booked']);
    expect(notices).toEqual([{ concertId: concert.id, tierIds: [tiers[1].id] }]);
  });

  it('answers tierGone for a tier deleted after it was priced, and books the rest', async () => {
    const { tiers } = await createConcert(db, [{ capacity: 10 }, { capacity: 10 }]);
    const doomed = prepared([[tiers[0], 1]]);
    await db.delete(ticketTiers).where(eq(ticketTiers.id, tiers[0].id));
    const other = prepared([[tiers[1], 1]]);
    expect(await commitBookingBatch(database, [doomed, other])).toEqual([
      { kind: 'tierGone', tierId: tiers[0].id },
      { kind: 'booked', bookingId: other.bookingId, createdAt: expect.any(Date), orderCode: expect.any(String), expiresAt: null },
    ]);
    expect(await db.select().from(bookings).where(eq(bookings.id, doomed.bookingId))).toEqual([]);
  });
});

describe('BookingCoalescer batching', () => {
  it('splits what is queued into batches of at most maxBatchSize', async () => {
    const { tiers } = await createConcert(db, [{ capacity: 100 }]);
    const sizes: number[] = [];
    const coalescer = new BookingCoalescer(database, { maxBatchSize: 4, maxConcurrentBatches: 1, onBatch: (size) => sizes.push(size) });
    // Submitted in one tick: the first starts a batch of its own at once, the other 10 queue behind it.
    const outcomes = await Promise.all(Array.from({ length: 11 }, () => coalescer.submit(prepared([[tiers[0], 1]]))));
    expect(outcomes.every((outcome) => outcome.kind === 'booked')).toBe(true);
    expect(sizes).toEqual([1, 4, 4, 2]);
    expect(await availableOf([tiers[0].id])).toEqual([89]);
  });
});

describe('BookingCoalescer defaults', () => {
  it('keeps booking while one batch waits for an idempotency key another transaction holds', async () => {
    const { concert, tiers } = await createConcert(db, [{ capacity: 10 }]);
    const coalescer = new BookingCoalescer(database);
    const key = randomUUID();
    // Another instance's transaction has claimed the key and not yet committed.
    const other = new pg.Client({ connectionString: testDatabaseUrl() });
    await other.connect();
    await other.query('BEGIN');
    const holderPid: number = (await other.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    await other.query(
      `INSERT INTO bookings (concert_id, customer_email, total_cents, currency, idempotency_key, request_fingerprint)
       VALUES ($1, 'other@example.com', 0, 'USD', $2, 'x')`,
      [concert.id, key],
    );
    const waiting = coalescer.submit(prepared([[tiers[0], 1]], key));
    await blockedBy(holderPid); // its batch is now blocked on the key
    expect(await coalescer.submit(prepared([[tiers[0], 2]]))).toMatchObject({ kind: 'booked' });
    await other.query('ROLLBACK');
    await other.end();
    expect(await waiting).toMatchObject({ kind: 'booked' });
    expect(await availableOf([tiers[0].id])).toEqual([7]);
  });

  it('writes the rest of a batch when the database refuses one of its bookings', async () => {
    const { tiers } = await createConcert(db, [{ capacity: 10 }]);
    const coalescer = new BookingCoalescer(database, { maxConcurrentBatches: 1 });
    const first = coalescer.submit(prepared([[tiers[0], 1]]));
    // Queued while the first is in flight, so these four share the next batch. The poisoned one
    // names a concert that no longer exists: its row breaks a foreign key.
    const poisoned = { ...prepared([[tiers[0], 1]]), concertId: randomUUID() };
    const batch = [prepared([[tiers[0], 1]]), poisoned, prepared([[tiers[0], 2]]), prepared([[tiers[0], 1]])].map((booking) =>
      coalescer.submit(booking).then(
        (outcome) => outcome.kind,
        () => 'failed',
      ),
    );
    expect(await first).toMatchObject({ kind: 'booked' });
    expect(await Promise.all(batch)).toEqual(['booked', 'failed', 'booked', 'booked']);
    expect(await availableOf([tiers[0].id])).toEqual([5]);
  });
});

describe('TierCatalogue', () => {
  it('reads a tier once, and keeps looking for a tier that did not exist yet', async () => {
    const catalogue = new TierCatalogue(db);
    const { concert, tiers } = await createConcert(db, [{ capacity: 10, priceCents: 4_200 }]);
    const unknown = randomUUID();

    statements.length = 0;
    const first = await catalogue.tiers([tiers[0].id, unknown]);
    expect(first.get(tiers[0].id)).toMatchObject({ concertId: concert.id, priceCents: 4_200, currency: 'USD' });
    expect(first.has(unknown)).toBe(false);
    expect(statements).toHaveLength(1);

    statements.length = 0;
    expect((await catalogue.tiers([tiers[0].id])).get(tiers[0].id)?.priceCents).toBe(4_200);
    expect(statements).toHaveLength(0);
    expect(await catalogue.concertExists(concert.id)).toBe(true);
    expect(statements).toHaveLength(0);

    await db.insert(ticketTiers).values({ id: unknown, concertId: concert.id, name: 'Late', priceCents: 100, capacity: 1, available: 1 });
    expect((await catalogue.tiers([unknown])).get(unknown)?.name).toBe('Late');
    expect(await catalogue.concertExists(randomUUID())).toBe(false);
  });

  it('reads a cold tier once for many concurrent lookups', async () => {
    const catalogue = new TierCatalogue(db);
    const { tiers } = await createConcert(db, [{ capacity: 10 }, { capacity: 10 }]);
    statements.length = 0;
    const lookups = await Promise.all(Array.from({ length: 50 }, (_, i) => catalogue.tiers([tiers[i % 2].id])));
    expect(lookups.every((found) => found.size === 1)).toBe(true);
    expect(statements).toHaveLength(1);
  });
});

describe('bookTickets on the on-sale path', () => {
  const appStatements: string[] = [];
  const app = createTestApp({ onQuery: (query) => appStatements.push(query) });
  afterAll(() => app.stop());
  const BOOK = /* GraphQL */ `
    mutation Book($input: BookTicketsInput!) {
      bookTickets(input: $input) {
        ... on BookTicketsSuccess { replayed booking { id status customerEmail createdAt total { cents currency } } }
      }
    }
  `;
  const input = (concertGid: string, tierGid: string) => ({
    input: { concertId: concertGid, items: [{ tierId: tierGid, quantity: 2 }], customerEmail: 'fan@example.com', idempotencyKey: randomUUID() },
  });

  it('answers NotFoundError, not SoldOutError, for a tier deleted after it was cached', async () => {
    const { concertGid, tierGids, tiers } = await createConcert(app.db, [{ capacity: 10 }]);
    await graphql(app, BOOK, input(concertGid, tierGids[0])); // the tier cache learns the tier
    await app.db.delete(bookingItems).where(eq(bookingItems.tierId, tiers[0].id));
    await app.db.delete(ticketTiers).where(eq(ticketTiers.id, tiers[0].id));
    const NOT_FOUND = /* GraphQL */ `
      mutation Book($input: BookTicketsInput!) { bookTickets(input: $input) { __typename ... on NotFoundError { id } } }
    `;
    const answer = await graphql(app, NOT_FOUND, input(concertGid, tierGids[0]));
    expect(answer.data?.bookTickets).toEqual({ __typename: 'NotFoundError', id: tierGids[0] });
  });

  it('sends one SQL statement for a booking once its tier is known, and answers with the row as stored', async () => {
    const { concertGid, tierGids } = await createConcert(app.db, [{ capacity: 100, priceCents: 2_500 }]);
    await graphql(app, BOOK, input(concertGid, tierGids[0])); // the tier cache learns the tier
    appStatements.length = 0;
    const bookingInput = input(concertGid, tierGids[0]);
    const first = await graphql(app, BOOK, bookingInput);
    // The partner's quota was counted a few hits ahead by the warm-up request (auth/rate-limiter.ts),
    // so this request is the booking statement alone.
    expect(appStatements).toHaveLength(1);
    expect(appStatements[0]).toMatch(/^\s*WITH claimed AS MATERIALIZED/);

    // A replay reads the booking back: the first answer must be exactly what is stored.
    const replay = await graphql(app, BOOK, bookingInput);
    expect(first.data?.bookTickets.replayed).toBe(false);
    expect(replay.data?.bookTickets.replayed).toBe(true);
    expect(replay.data?.bookTickets.booking).toEqual(first.data?.bookTickets.booking);
    expect(first.data?.bookTickets.booking.total).toEqual({ cents: 5_000, currency: 'USD' });
  });
});
