import { encodeGlobalID } from '@pothos/plugin-relay';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAccount, type TestAccount } from '../support/accounts.ts';
import { seedOrders } from '../support/orders-seed.ts';
import { bookingInput, createConcert, createTestApp, graphql, partnerHeaders } from '../support/test-app.ts';

// The export is a plain HTTP route of the Node server, not Yoga's: these tests use a real port.
type LogLine = { msg: string; concertId?: string; rows?: number; aborted?: boolean };
const lines: LogLine[] = [];
const listeners = new Set<() => void>();
const logger = pino({ level: 'info' }, { write: (line: string) => (lines.push(JSON.parse(line)), listeners.forEach((listener) => listener())) });
/** Resolves with the first log line that matches, already written or still to come. */
function logged(matches: (line: LogLine) => boolean) {
  return new Promise<LogLine>((resolve) => {
    const check = () => {
      const line = lines.find(matches);
      if (line) listeners.delete(check), resolve(line);
    };
    listeners.add(check);
    check();
  });
}

const app = createTestApp({ logger });
let base: string;
let organizer: TestAccount;
let shopper: TestAccount;
beforeAll(async () => {
  const { port } = await app.start(0, '127.0.0.1');
  base = `http://127.0.0.1:${port}`;
  [organizer, shopper] = await Promise.all([signedInAccount(app, 'organizer'), signedInAccount(app, 'shopper')]);
});
afterAll(() => app.stop());

const csvUrl = (concertId: string) => `${base}/organizer/concerts/${encodeURIComponent(encodeGlobalID('Concert', concertId))}/orders.csv`;

/** RFC 4180, enough for these tests: quoted cells with doubled quotes and line breaks. */
function parseCsv(text: string) {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), (i += 1);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), (i += 1);
    else cell += c;
  }
  return rows;
}

describe('orders.csv', () => {
  it('is refused to a guest (401), a shopper and a partner (403), and a bad key (401); an unknown concert is 404', async () => {
    const { concert } = await createConcert(app.db, [{ capacity: 5 }], undefined, organizer.id);
    const status = async (headers: Record<string, string>, url = csvUrl(concert.id)) => (await fetch(url, { headers })).status;
    expect(await status({})).toBe(401);
    expect(await status(shopper.headers)).toBe(403);
    expect(await status(partnerHeaders())).toBe(403);
    expect(await status({ 'x-api-key': 'ct_not_a_key' })).toBe(401);
    expect(await status(organizer.headers, csvUrl(crypto.randomUUID()))).toBe(404);
    expect(await status(organizer.headers, `${base}/organizer/concerts/nonsense/orders.csv`)).toBe(404);
    expect((await fetch(csvUrl(concert.id), { method: 'POST', headers: organizer.headers })).status).toBe(405);
  });

  it('has a header and one row per order, escaped so that no cell runs as a formula or breaks a line', async () => {
    const hostileTier = '=1+2 "VIP", front\nrow';
    const { concert, concertGid, tiers, tierGids } = await createConcert(app.db, [{ name: hostileTier, capacity: 10, priceCents: 2_500 }, { name: 'GA', capacity: 10 }], 'Night, "Live" / Ünïcode', organizer.id);
    const hostileEmail = '=HYPERLINK("http://evil.example","x"),\n@me';
    await seedOrders(app, { concertId: concert.id, tierId: tiers[1].id, count: 2, from: new Date('2020-01-01T00:00:00Z'), email: (i) => [hostileEmail, '-plain@example.com'][i] });
    // One order paid by card, then cancelled by the organizer: paid and refunded.
    const held = await graphql(app, /* GraphQL */ `mutation ($input: BookTicketsInput!) { holdTickets(input: $input) { ... on HoldTicketsSuccess { booking { id orderCode } } } }`,
      bookingInput(concertGid, [[tierGids[0], 2], [tierGids[1], 1]], { customerEmail: shopper.email }), { headers: shopper.headers });
    const { id, orderCode } = held.data!.holdTickets.booking;
    const card = { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123' };
    await graphql(app, /* GraphQL */ `mutation ($input: PayForBookingInput!) { payForBooking(input: $input) { __typename } }`, { input: { bookingId: id, idempotencyKey: crypto.randomUUID(), card } }, { headers: shopper.headers });
    const cancelled = await graphql(app, /* GraphQL */ `mutation ($id: ID!) { cancelBooking(bookingId: $id) { __typename } }`, { id }, { headers: organizer.headers });
    expect(cancelled.data?.cancelBooking.__typename).toBe('CancelBookingSuccess');

    const response = await fetch(csvUrl(concert.id), { headers: organizer.headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Night-Live-Unicode-orders.csv"; filename*=UTF-8''${encodeURIComponent('Night, "Live" / Ünïcode-orders.csv')}`,
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    const rows = parseCsv(await response.text());
    expect(rows[0]).toEqual(['Order code', 'Status', 'Email', 'Tickets', 'Total', 'Currency', 'Created at', 'Paid', 'Refunded']);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual([expect.stringMatching(/^[A-Z2-9]{8}$/), 'CONFIRMED', `'${hostileEmail}`, '2 × GA', '20.00', 'USD', '2020-01-01T00:00:00.000Z', '0.00', '0.00']);
    expect(rows[2][2]).toBe("'-plain@example.com");
    expect(rows[3]).toEqual([orderCode, 'CANCELLED', shopper.email, `2 × ${hostileTier}; 1 × GA`, '70.00', 'USD', expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/), '70.00', '70.00']);
  });

  it('streams 5,000 orders in many chunks, the header first', async () => {
    const { concert, tiers } = await createConcert(app.db, [{ name: 'GA', capacity: 10_000 }], undefined, organizer.id);
    await seedOrders(app, { concertId: concert.id, tierId: tiers[0].id, count: 5_000, from: new Date('2029-02-01T00:00:00Z'), stepMs: 7 });
    const response = await fetch(csvUrl(concert.id), { headers: organizer.headers });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    const chunks: string[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(decoder.decode(read.value, { stream: true }));
    expect(chunks[0].startsWith('Order code,')).toBe(true);
    expect(chunks.length).toBeGreaterThan(5);
    const rows = parseCsv(chunks.join(''));
    expect(rows).toHaveLength(5_001);
    expect(new Set(rows.slice(1).map((row) => row[0])).size).toBe(5_000);
    expect(rows.slice(1).every((row) => row[3] === '2 × GA' && row[4] === '20.00')).toBe(true);
    expect(await logged((line) => line.concertId === concert.id)).toMatchObject({ msg: 'orders export', rows: 5_000, aborted: false });
  });

  it('stops reading the orders when the client goes away', async () => {
    const { concert, tiers } = await createConcert(app.db, [{ capacity: 10_000 }], undefined, organizer.id);
    await seedOrders(app, { concertId: concert.id, tierId: tiers[0].id, count: 5_000, from: new Date('2029-03-01T00:00:00Z'), stepMs: 3 });
    const abort = new AbortController();
    const response = await fetch(csvUrl(concert.id), { headers: organizer.headers, signal: abort.signal });
    const reader = response.body!.getReader();
    await reader.read();
    abort.abort();
    const line = await logged((entry) => entry.concertId === concert.id);
    expect(line).toMatchObject({ msg: 'orders export', aborted: true });
    expect(line.rows).toBeLessThan(5_000);
  });
});
