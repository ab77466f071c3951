import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concerts, ticketTiers } from '../../src/db/schema.ts';
import { signedInAccount, type TestAccount } from '../support/accounts.ts';
import { createConcert, createTestApp, graphql, partnerHeaders } from '../support/test-app.ts';
import { ADD_TIER, CREATE_CONCERT, UPDATE_CONCERT, UPDATE_TIER, switchOperation } from './operations.ts';

const app = createTestApp();
let shopper: TestAccount;
beforeAll(async () => {
  shopper = await signedInAccount(app);
});
afterAll(() => app.stop());

describe('the back office is for organizers only', () => {
  it('refuses guests (UNAUTHENTICATED), shoppers and partners (FORBIDDEN), and writes nothing', async () => {
    const { concert, concertGid, tiers, tierGids } = await createConcert(app.db, [{ capacity: 10, priceCents: 1_000 }]);
    const name = `Not allowed ${crypto.randomUUID()}`;
    const attempts: [string, Record<string, unknown>][] = [
      [CREATE_CONCERT, { input: { name, venue: 'V', timeZone: 'UTC', startsAt: '2031-01-01T20:00:00Z', tiers: [{ name: 'GA', priceCents: 1, capacity: 1 }] } }],
      [UPDATE_CONCERT, { id: concertGid, input: { name } }],
      [UPDATE_TIER, { id: tierGids[0], input: { priceCents: 1, capacity: 1 } }],
      [ADD_TIER, { concertId: concertGid, input: { name, priceCents: 1, capacity: 1 } }],
      [switchOperation('pauseSales'), { concertId: concertGid }],
      [switchOperation('unpublishConcert'), { concertId: concertGid }],
    ];
    const callers: [Record<string, string>, string][] = [
      [{}, 'UNAUTHENTICATED'],
      [shopper.headers, 'FORBIDDEN'],
      [partnerHeaders(), 'FORBIDDEN'],
    ];
    for (const [headers, code] of callers) {
      for (const [query, variables] of attempts) {
        const answer = await graphql(app, query, variables, { headers });
        expect(answer.data ?? null).toBeNull();
        expect(answer.errors?.[0].extensions?.code).toBe(code);
      }
    }
    expect(await app.db.select().from(concerts).where(eq(concerts.name, name))).toEqual([]);
    const [row] = await app.db.select().from(concerts).where(eq(concerts.id, concert.id));
    expect(row).toMatchObject({ name: concert.name, salesPaused: false, published: true });
    expect(await app.db.select().from(ticketTiers).where(eq(ticketTiers.concertId, concert.id))).toEqual([
      expect.objectContaining({ id: tiers[0].id, priceCents: 1_000, capacity: 10, available: 10 }),
    ]);
  });

  it("hides whether a concert is published from everyone but organizers", async () => {
    const { concertGid } = await createConcert(app.db, [{ capacity: 1 }]);
    const query = /* GraphQL */ `query ($id: ID!) { concert(id: $id) { published } }`;
    const answer = await graphql(app, query, { id: concertGid }, { headers: shopper.headers });
    expect(answer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
