import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeCatalogue } from '../src/catalogue/catalogue-changes.ts';
import { concerts } from '../src/db/schema.ts';
import { signedInAccount } from './support/accounts.ts';
import { BOOK_TICKETS, bookingInput, createConcert, createTestApp, graphql, type RequestAs, type TestApp } from './support/test-app.ts';

// Long enough that a result seen fresh was forgotten by a change, not by its age.
const catalogueResults = { maxAgeMs: 60_000 };
const statements: string[] = [];
const shop = createTestApp({ onQuery: (sql) => statements.push(sql), catalogueResults });
const other = createTestApp({ catalogueResults });
beforeAll(() => Promise.all([shop.start(0, '127.0.0.1'), other.start(0, '127.0.0.1')]));
afterAll(() => Promise.all([shop.stop(), other.stop()]));

const CONCERT_PAGE = /* GraphQL */ `
  query ConcertPage($id: ID!) {
    concert(id: $id) { id name salesStatus waitingRoom { enabled } tiers { id name available capacity price { cents currency } } }
  }
`;
const HOLD = /* GraphQL */ `
  mutation Hold($input: BookTicketsInput!) { holdTickets(input: $input) { __typename ... on Error { message } } }
`;

const guest = (id: string): RequestAs => ({ headers: { 'x-guest-id': `guest-${id}-`.padEnd(20, 'x') } });

async function pageAs(app: TestApp, concertGid: string, as = guest('reader')) {
  const response = await graphql(app, CONCERT_PAGE, { id: concertGid }, as);
  expect(response.errors).toBeUndefined();
  return response.data!.concert as { name: string; tiers: { available: number }[] } | null;
}

/** Reads of concerts the shop ran for `read` (its background jobs run statements of their own meanwhile). */
async function statementsOf(read: () => Promise<unknown>) {
  statements.length = 0;
  await read();
  return statements.filter(isConcertRead).length;
}
const isConcertRead = (sql: string) => /^select/i.test(sql) && sql.includes('from "concerts"');

/** Reads until `done` holds; a change reaches another instance's results by its NOTIFY. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("guests' concert pages, shared per process", () => {
  it('are executed once and then answered to every guest without SQL', async () => {
    const { concertGid } = await createConcert(shop.db, [{ capacity: 10 }, { capacity: 20 }]);
    const first = await pageAs(shop, concertGid, guest('a'));
    expect(await statementsOf(() => pageAs(shop, concertGid, guest('b')))).toBe(0);
    expect(await pageAs(shop, concertGid, guest('c'))).toEqual(first);
  });

  it('run one execution for 50 guests asking at once', async () => {
    const { concertGid } = await createConcert(shop.db, [{ capacity: 10 }]);
    const { concertGid: alone } = await createConcert(shop.db, [{ capacity: 10 }]);
    const once = await statementsOf(() => pageAs(shop, alone));
    const crowd = await statementsOf(() => Promise.all(Array.from({ length: 50 }, (_, i) => pageAs(shop, concertGid, guest(`crowd${i}`)))));
    expect(once).toBeGreaterThan(0);
    expect(crowd).toBe(once);
  });

  it('are keyed by the operation\'s own variables: extra ones sent along do not split them', async () => {
    const { concertGid } = await createConcert(shop.db, [{ capacity: 10 }]);
    await pageAs(shop, concertGid);
    const padded = () => graphql(shop, CONCERT_PAGE, { id: concertGid, padding: 'x'.repeat(10_000), n: Math.random() }, guest('padder'));
    let answers: Awaited<ReturnType<typeof padded>>[] = [];
    expect(await statementsOf(async () => (answers = await Promise.all([padded(), padded(), padded()])))).toBe(0);
    for (const answer of answers) expect(answer).toEqual({ data: { concert: expect.objectContaining({ id: concertGid }) } });
  });

  it('show a partner booking made on another instance as soon as its notice arrives', async () => {
    const { concertGid, tierGids } = await createConcert(shop.db, [{ capacity: 10 }]);
    expect((await pageAs(shop, concertGid))!.tiers[0].available).toBe(10);
    const booked = await graphql(other, BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 3]]));
    expect(booked.data!.bookTickets.__typename).toBe('BookTicketsSuccess');
    const page = await eventually(() => pageAs(shop, concertGid), (seen) => seen!.tiers[0].available === 7);
    expect(page!.tiers[0].available).toBe(7);
  });

  it("show a guest's own hold at once, before any notice", async () => {
    const { concertGid, tierGids } = await createConcert(shop.db, [{ capacity: 10 }]);
    expect((await pageAs(shop, concertGid, guest('holder')))!.tiers[0].available).toBe(10);
    const held = await graphql(shop, HOLD, bookingInput(concertGid, [[tierGids[0], 2]], { customerEmail: 'holder@example.com' }), guest('holder'));
    expect(held.data!.holdTickets.__typename).toBe('HoldTicketsSuccess');
    expect((await pageAs(shop, concertGid, guest('holder')))!.tiers[0].available).toBe(8);
  });

  it('forget a concert its organizer unpublishes: at once here, by the notice elsewhere', async () => {
    const { concert, concertGid } = await createConcert(shop.db, [{ capacity: 10 }]);
    expect(await pageAs(shop, concertGid)).not.toBeNull();
    expect(await pageAs(other, concertGid)).not.toBeNull();
    await changeCatalogue(shop, concert.id, (tx) => tx.update(concerts).set({ published: false }).where(eq(concerts.id, concert.id)));
    expect(await pageAs(shop, concertGid)).toBeNull();
    expect(await eventually(() => pageAs(other, concertGid), (seen) => seen === null)).toBeNull();
  });

  it('are never answered to partners or signed-in people, who may see more', async () => {
    const { concertGid } = await createConcert(shop.db, [{ capacity: 10 }]);
    await pageAs(shop, concertGid);
    expect(await statementsOf(() => pageAs(shop, concertGid, { headers: {} }).then(() => graphql(shop, CONCERT_PAGE, { id: concertGid })))).toBeGreaterThan(0);
    const account = await signedInAccount(shop);
    expect(await statementsOf(() => graphql(shop, CONCERT_PAGE, { id: concertGid }, { headers: account.headers }))).toBeGreaterThan(0);
  });

  it('leave out operations with any field outside the public catalogue', async () => {
    const { concertGid } = await createConcert(shop.db, [{ capacity: 10 }]);
    const withOwnerField = `query ($id: ID!) { concert(id: $id) { name cancellation { status } } }`;
    await graphql(shop, withOwnerField, { id: concertGid }, guest('probe'));
    expect(await statementsOf(() => graphql(shop, withOwnerField, { id: concertGid }, guest('probe2')))).toBeGreaterThan(0);
  });
});

describe('without a LISTEN connection', () => {
  const idle = createTestApp({ onQuery: (sql) => idleStatements.push(sql), catalogueResults });
  const idleStatements: string[] = [];
  afterAll(() => idle.stop());

  it('nothing is shared: changes could not be heard', async () => {
    const { concertGid } = await createConcert(idle.db, [{ capacity: 10 }]);
    await pageAs(idle, concertGid);
    idleStatements.length = 0;
    await pageAs(idle, concertGid);
    expect(idleStatements.filter(isConcertRead).length).toBeGreaterThan(0);
  });
});
