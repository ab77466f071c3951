import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catchUpSalesRollup } from '../../src/analytics/sales-rollup.ts';
import { bookingItems, bookings, concerts } from '../../src/db/schema.ts';
import { salesRollupStale } from '../../src/db/analytics-schema.ts';
import { payments } from '../../src/db/payments-schema.ts';
import { signedInAccount, type TestAccount } from '../support/accounts.ts';
import { BOOK_TICKETS, bookingInput, createConcert, createTestApp, graphql, partnerHeaders } from '../support/test-app.ts';
import { listening, runOnce, webSocketWithHeaders } from '../support/ws-client.ts';

// Opens a port: the subscription needs a real WebSocket. The rollup job is driven by the tests.
const app = createTestApp({ salesRollupIntervalMs: 0 });
let port: number;
let organizer: TestAccount;
let shopper: TestAccount;
beforeAll(async () => {
  ({ port } = await app.start(0));
  [organizer, shopper] = await Promise.all([signedInAccount(app, 'organizer'), signedInAccount(app, 'shopper')]);
});
afterAll(() => app.stop());

const ANALYTICS = /* GraphQL */ `
  query Analytics($concertId: ID!, $from: DateTime, $to: DateTime, $bucket: SalesBucket) {
    salesAnalytics(concertId: $concertId, from: $from, to: $to, bucket: $bucket) {
      overTime { start tickets revenue { cents currency } }
      byTier { tier { name } ticketsSold revenue { cents } capacity held sellThrough }
      holdsVsConfirmed { held confirmed expired cancelled }
      totals { tickets revenue { cents } refunded { cents } }
    }
  }
`;

type Sale = [tier: 0 | 1, quantity: number];
interface MadeBooking {
  at: string;
  status: 'CONFIRMED' | 'PENDING' | 'EXPIRED' | 'CANCELLED';
  items: Sale[];
  refundedCents?: number;
}

/**
 * A concert in New York (UTC-5 in January) with bookings at known instants in the past, written as
 * a backfill must be: with a stale mark for each minute, since the rollup may already be past them.
 */
async function handMadeConcert(made: MadeBooking[]) {
  const fixture = await createConcert(app.db, [{ name: 'Floor', priceCents: 1_000, capacity: 100 }, { name: 'Balcony', priceCents: 2_500, capacity: 50 }], undefined, organizer.id);
  await app.db.update(concerts).set({ timeZone: 'America/New_York' }).where(eq(concerts.id, fixture.concert.id));
  await app.db.transaction(async (tx) => {
    for (const booking of made) {
      const total = booking.items.reduce((sum, [tier, quantity]) => sum + quantity * fixture.tiers[tier].priceCents, 0);
      const [row] = await tx
        .insert(bookings)
        .values({
          concertId: fixture.concert.id, status: booking.status, customerEmail: 'fan@example.com', totalCents: total,
          idempotencyKey: randomUUID(), requestFingerprint: 'test', createdAt: new Date(booking.at),
          // Far off, so no hold sweeper of a test app running beside this one ends it.
          expiresAt: booking.status === 'PENDING' ? new Date('2100-01-01T00:00:00Z') : null,
        })
        .returning({ id: bookings.id });
      await tx.insert(bookingItems).values(booking.items.map(([tier, quantity]) => ({ bookingId: row.id, tierId: fixture.tiers[tier].id, quantity, unitPriceCents: fixture.tiers[tier].priceCents })));
      if (booking.refundedCents) {
        await tx.insert(payments).values({
          bookingId: row.id, idempotencyKey: randomUUID(), requestFingerprint: 'test', amountCents: total, currency: 'USD',
          status: booking.refundedCents === total ? 'REFUNDED' : 'SUCCEEDED', provider: 'test', cardLast4: '4242', refundedCents: booking.refundedCents,
        });
      }
      await tx.insert(salesRollupStale).values({ concertId: fixture.concert.id, minute: sql`date_bin('1 minute', ${new Date(booking.at)}::timestamptz, timestamptz 'epoch')` });
    }
  });
  return fixture;
}

const SET: MadeBooking[] = [
  { at: '2025-01-10T04:30:00Z', status: 'CONFIRMED', items: [[0, 2]] }, // 23:30 on the 9th in New York
  { at: '2025-01-10T05:10:00Z', status: 'CONFIRMED', items: [[0, 1], [1, 2]] }, // 00:10 on the 10th
  { at: '2025-01-10T05:10:30Z', status: 'CONFIRMED', items: [[1, 1]] },
  { at: '2025-01-10T06:00:00Z', status: 'PENDING', items: [[0, 3]] },
  { at: '2025-01-10T06:01:00Z', status: 'EXPIRED', items: [[1, 4]] },
  { at: '2025-01-11T15:00:00Z', status: 'CANCELLED', items: [[0, 1]], refundedCents: 1_000 },
  { at: '2025-01-11T15:00:59Z', status: 'CONFIRMED', items: [[0, 1]], refundedCents: 300 },
];

const asOrganizer = () => ({ headers: organizer.headers });
const analytics = (variables: Record<string, unknown>) => graphql(app, ANALYTICS, variables, asOrganizer());

/** Runs the rollup until this concert's marks are summed (another test app may hold it for a moment). */
async function rollUp(concertId: string) {
  for (;;) {
    await catchUpSalesRollup(app.db);
    const [{ marks }] = (await app.db.execute<{ marks: number }>(sql`SELECT count(*)::int AS marks FROM ${salesRollupStale} WHERE ${salesRollupStale.concertId} = ${concertId}`)).rows;
    if (marks === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('salesAnalytics', () => {
  it('is refused to guests, shoppers and partners', async () => {
    const { concertGid } = await createConcert(app.db, [{ capacity: 10 }], undefined, organizer.id);
    for (const headers of [{}, shopper.headers, partnerHeaders()]) {
      const result = await graphql(app, ANALYTICS, { concertId: concertGid }, { headers });
      expect(result.data?.salesAnalytics ?? null).toBeNull();
      expect(result.errors?.[0].extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
    }
  });

  it('gives exact figures from bookings, from the rollup, and after a status change or a refund', async () => {
    const { concert, concertGid } = await handMadeConcert(SET);
    const expected = {
      overTime: [
        { start: '2025-01-09T05:00:00.000Z', tickets: 2, revenue: { cents: 2_000, currency: 'USD' } },
        { start: '2025-01-10T05:00:00.000Z', tickets: 4, revenue: { cents: 8_500, currency: 'USD' } },
        { start: '2025-01-11T05:00:00.000Z', tickets: 1, revenue: { cents: 1_000, currency: 'USD' } },
      ],
      byTier: [
        { tier: { name: 'Floor' }, ticketsSold: 4, revenue: { cents: 4_000 }, capacity: 100, held: 3, sellThrough: 0.04 },
        { tier: { name: 'Balcony' }, ticketsSold: 3, revenue: { cents: 7_500 }, capacity: 50, held: 0, sellThrough: 0.06 },
      ],
      holdsVsConfirmed: { held: 3, confirmed: 7, expired: 4, cancelled: 1 },
      totals: { tickets: 7, revenue: { cents: 11_500 }, refunded: { cents: 1_300 } },
    };
    // DAY buckets start at midnight in New York: the 04:30 UTC booking belongs to the 9th.
    expect(await analytics({ concertId: concertGid, bucket: 'DAY' })).toEqual({ data: { salesAnalytics: expected } });
    await rollUp(concert.id);
    expect(await analytics({ concertId: concertGid, bucket: 'DAY' })).toEqual({ data: { salesAnalytics: expected } });

    // Cancelling a rolled-up booking shows at once (its minute is read from bookings), and after the next rollup.
    await app.db.execute(sql`UPDATE ${bookings} SET status = 'CANCELLED' WHERE ${bookings.concertId} = ${concert.id} AND ${bookings.createdAt} = '2025-01-10T05:10:30Z'`);
    const afterCancel = { held: 3, confirmed: 6, expired: 4, cancelled: 2 };
    expect((await analytics({ concertId: concertGid })).data?.salesAnalytics.holdsVsConfirmed).toEqual(afterCancel);
    await rollUp(concert.id);
    expect((await analytics({ concertId: concertGid })).data?.salesAnalytics.holdsVsConfirmed).toEqual(afterCancel);

    // So does a refund on a rolled-up booking.
    await app.db.execute(sql`UPDATE ${payments} SET refunded_cents = 500 FROM ${bookings} WHERE ${bookings.id} = ${payments.bookingId} AND ${bookings.concertId} = ${concert.id} AND ${payments.refundedCents} = 300`);
    expect((await analytics({ concertId: concertGid })).data?.salesAnalytics.totals.refunded).toEqual({ cents: 1_500 });
    await rollUp(concert.id);
    expect((await analytics({ concertId: concertGid })).data?.salesAnalytics.totals.refunded).toEqual({ cents: 1_500 });
  });

  it('buckets by hour and minute and filters by range, to the minute, across rollup slots', async () => {
    const { concert, concertGid } = await handMadeConcert(SET);
    for (const rolledUp of [false, true]) {
      if (rolledUp) await rollUp(concert.id);
      const hours = (await analytics({ concertId: concertGid, bucket: 'HOUR' })).data?.salesAnalytics.overTime;
      expect(hours.map((point: { start: string; tickets: number }) => [point.start, point.tickets])).toEqual([
        ['2025-01-10T04:00:00.000Z', 2], ['2025-01-10T05:00:00.000Z', 4], ['2025-01-11T15:00:00.000Z', 1],
      ]);
      const minutes = await analytics({ concertId: concertGid, bucket: 'MINUTE', from: '2025-01-10T05:00:00Z', to: '2025-01-10T05:15:00Z' });
      expect(minutes.data?.salesAnalytics.overTime).toEqual([{ start: '2025-01-10T05:10:00.000Z', tickets: 4, revenue: { cents: 8_500, currency: 'USD' } }]);

      // Ragged ends (05:10 to 06:01): minutes at both ends, quarter-hours between; `to` is exclusive.
      const ragged = (await analytics({ concertId: concertGid, from: '2025-01-10T05:10:00Z', to: '2025-01-10T06:01:00Z' })).data?.salesAnalytics;
      expect(ragged.holdsVsConfirmed).toEqual({ held: 3, confirmed: 4, expired: 0, cancelled: 0 });
      expect(ragged.totals).toEqual({ tickets: 4, revenue: { cents: 8_500 }, refunded: { cents: 0 } });
      const lastDay = (await analytics({ concertId: concertGid, from: '2025-01-11T00:00:00Z' })).data?.salesAnalytics;
      expect(lastDay.totals).toEqual({ tickets: 1, revenue: { cents: 1_000 }, refunded: { cents: 1_300 } });
      expect(lastDay.holdsVsConfirmed).toEqual({ held: 0, confirmed: 1, expired: 0, cancelled: 1 });
    }
  });

  it('refuses MINUTE buckets over more than a day, and answers null for an id that is not a concert', async () => {
    const { concertGid, tierGids } = await createConcert(app.db, [{ capacity: 10 }], undefined, organizer.id);
    const tooLong = await analytics({ concertId: concertGid, bucket: 'MINUTE', from: '2025-01-01T00:00:00Z', to: '2025-01-03T00:00:00Z' });
    expect(tooLong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await analytics({ concertId: tierGids[0] })).toEqual({ data: { salesAnalytics: null } });
  });
});

describe('salesAnalyticsChanged over graphql-ws', () => {
  const SUBSCRIPTION = /* GraphQL */ `
    subscription ($concertId: ID!) { salesAnalyticsChanged(concertId: $concertId) { totals { tickets revenue { cents } } byTier { held } } }
  `;
  const clients: Client[] = [];
  const connect = (headers: Record<string, string>) => {
    const client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: webSocketWithHeaders(headers), lazy: false, retryAttempts: 0, onNonLazyError: () => {} });
    clients.push(client);
    return client;
  };
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
  });

  it('is refused to guests, shoppers and partners', async () => {
    const { concertGid } = await createConcert(app.db, [{ capacity: 10 }], undefined, organizer.id);
    for (const headers of [{}, shopper.headers, partnerHeaders()]) {
      const result = await runOnce(connect(headers), { query: SUBSCRIPTION, variables: { concertId: concertGid } });
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0].message).toMatch(/salesAnalyticsChanged needs an organizer/);
    }
  });

  it('emits the new figures after a booking', async () => {
    const { concertGid, tierGids } = await createConcert(app.db, [{ priceCents: 4_000, capacity: 10 }], undefined, organizer.id);
    const received = runOnce(connect(organizer.headers), { query: SUBSCRIPTION, variables: { concertId: concertGid } });
    await listening(app, concertGid);
    const booked = await graphql(app, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 3]]));
    expect(booked.data?.bookTickets.__typename).toBe('BookTicketsSuccess');
    expect(await received).toEqual({ data: { salesAnalyticsChanged: { totals: { tickets: 3, revenue: { cents: 12_000 } }, byTier: [{ held: 0 }] } } });
  });

  it('emits the new figures when a hold is paid, although availability does not move', async () => {
    const HOLD = /* GraphQL */ `mutation ($input: BookTicketsInput!) { holdTickets(input: $input) { ... on HoldTicketsSuccess { booking { id } } } }`;
    const PAY = /* GraphQL */ `mutation ($input: PayForBookingInput!) { payForBooking(input: $input) { __typename } }`;
    const { concertGid, tierGids } = await createConcert(app.db, [{ priceCents: 4_000, capacity: 10 }], undefined, organizer.id);
    const held = await graphql(app, HOLD, bookingInput(concertGid, [[tierGids[0], 2]]));
    const bookingId = held.data!.holdTickets.booking.id;

    const reports: unknown[] = [];
    let paidReport: (report: unknown) => void = () => {};
    const paidSeen = new Promise((resolve) => (paidReport = resolve));
    connect(organizer.headers).subscribe(
      { query: SUBSCRIPTION, variables: { concertId: concertGid } },
      {
        next: (result) => {
          reports.push(result.data);
          if ((result.data as { salesAnalyticsChanged: { totals: { tickets: number } } }).salesAnalyticsChanged.totals.tickets === 2) paidReport(result.data);
        },
        error: () => {},
        complete: () => {},
      },
    );
    // The sales channel's LISTEN goes out on the same connection right after the availability one.
    await listening(app, concertGid);
    const card = { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123' };
    const paid = await graphql(app, PAY, { input: { bookingId, idempotencyKey: randomUUID(), card } });
    expect(paid.data?.payForBooking.__typename).toBe('PayForBookingSuccess');
    expect(await paidSeen).toEqual({ salesAnalyticsChanged: { totals: { tickets: 2, revenue: { cents: 8_000 } }, byTier: [{ held: 0 }] } });
    expect(reports).toHaveLength(1);
  });
});
