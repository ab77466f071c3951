import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concerts } from '../../src/db/schema.ts';
import { databaseIdOf } from '../../src/graphql/global-id.ts';
import { signedInAccount, type TestAccount } from '../support/accounts.ts';
import { createTestApp, graphql } from '../support/test-app.ts';
import { CREATE_CONCERT, UPDATE_CONCERT, concertOfOrganizer } from './operations.ts';

// Inputs a hostile or careless back-office client sent, which used to end in "Unexpected error."
// (or, for a time zone, in sales analytics failing for that concert from then on).
const app = createTestApp();
let organizer: TestAccount;
beforeAll(async () => {
  await app.start(0, '127.0.0.1');
  organizer = await signedInAccount(app, 'organizer');
});
afterAll(() => app.stop());

const asOrganizer = () => ({ headers: organizer.headers });
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString();
const newConcert = (overrides: Record<string, unknown>) => ({
  input: { name: 'Input test', venue: 'Hall', timeZone: 'Europe/Paris', startsAt: inAMonth(), tiers: [{ name: 'GA', priceCents: 1_000, capacity: 10 }], ...overrides },
});

describe('concert input', () => {
  it('refuses a time zone Node knows but Postgres does not, on create and update', async () => {
    const created = await graphql(app, CREATE_CONCERT, newConcert({ timeZone: 'US/Pacific-New' }), asOrganizer());
    expect(created.data?.createConcert).toEqual({ __typename: 'ValidationError', message: 'Unknown time zone: use an IANA name such as Europe/Paris', field: 'timeZone' });
    const { concertGid } = await concertOfOrganizer(app, organizer);
    const updated = await graphql(app, UPDATE_CONCERT, { id: concertGid, input: { timeZone: 'US/Pacific-New' } }, asOrganizer());
    expect(updated.data?.updateConcert).toMatchObject({ __typename: 'ValidationError', field: 'timeZone' });
    const [row] = await app.db.select({ timeZone: concerts.timeZone }).from(concerts).where(eq(concerts.id, databaseIdOf(concertGid, 'Concert')!));
    expect(row.timeZone).toBe('Europe/Paris');
    // Aliases both know still go through.
    expect((await graphql(app, UPDATE_CONCERT, { id: concertGid, input: { timeZone: 'US/Pacific' } }, asOrganizer())).data?.updateConcert.__typename).toBe('ConcertChangeSuccess');
  });

  it('takes an update that changes nothing (an empty input, or nulls only) as a success', async () => {
    const { concertGid } = await concertOfOrganizer(app, organizer);
    for (const input of [{}, { startsAt: null, name: null }]) {
      const updated = await graphql(app, UPDATE_CONCERT, { id: concertGid, input }, asOrganizer());
      expect(updated.errors).toBeUndefined();
      expect(updated.data?.updateConcert).toMatchObject({ __typename: 'ConcertChangeSuccess', concert: { name: 'Organizer test concert' } });
    }
  });

  it.each([
    ['a year alone', '2031'],
    ['words', 'December 17, 2030'],
    ['no zone', '2030-12-17T20:00:00'],
    ['a year Postgres cannot hold', '+275760-09-13T00:00:00.000Z'],
    ['a year before the common era', '-271821-04-20T00:00:00.000Z'],
    ['30 February', '2031-02-30T20:00:00Z'],
    ['year 0', '0000-06-01T00:00:00Z'],
    ['an offset taking year 1 back into year 0', '0001-01-01T00:00:00+01:00'],
    ['an offset taking year 9999 past its end', '9999-12-31T23:59:59-01:00'],
  ])('refuses %s as a DateTime, in arguments and in inputs', async (_case, value) => {
    const created = await graphql(app, CREATE_CONCERT, newConcert({ startsAt: value }), asOrganizer());
    expect(created.errors?.[0].message).toMatch(/DateTime must be an ISO-8601 date and time with a zone/);
    expect(created.data).toBeUndefined();
    const { concertGid } = await concertOfOrganizer(app, organizer);
    const analytics = await graphql(app, 'query ($id: ID!, $from: DateTime) { salesAnalytics(concertId: $id, from: $from) { totals { tickets } } }', { id: concertGid, from: value }, asOrganizer());
    expect(analytics.errors?.[0].message).toMatch(/DateTime must be an ISO-8601 date and time with a zone/);
    const orders = await graphql(app, 'query ($from: DateTime) { orders(createdFrom: $from) { edges { cursor } } }', { from: value }, asOrganizer());
    expect(orders.errors?.[0].message).toMatch(/DateTime must be an ISO-8601 date and time with a zone/);
  });

  it('answers null for a waiting room asked about with a malformed concert id', async () => {
    const answer = await graphql(app, 'query { waitingRoomAdmin(concertId: "zzz") { settings { enabled } } }', {}, asOrganizer());
    expect(answer).toEqual({ data: { waitingRoomAdmin: null } });
  });
});
