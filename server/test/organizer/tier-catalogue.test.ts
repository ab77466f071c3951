import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { TierCatalogue } from '../../src/booking/tier-catalogue.ts';
import { createDatabase } from '../../src/db/client.ts';
import { ticketTiers } from '../../src/db/schema.ts';
import { createConcert, testDatabaseUrl } from '../support/test-app.ts';

// The tier catalogue's forgetting, called directly (the NOTIFY that triggers it is covered in sales-windows.test.ts).
const statements: string[] = [];
const { db, pool } = createDatabase({ url: testDatabaseUrl(), poolSize: 2, onQuery: (query) => statements.push(query) });
afterAll(() => pool.end());

describe('TierCatalogue forgetting a concert', () => {
  it("reads a concert's tiers again after a change, and leaves other concerts cached", async () => {
    const catalogue = new TierCatalogue(db);
    const changed = await createConcert(db, [{ capacity: 5, priceCents: 100 }]);
    const other = await createConcert(db, [{ capacity: 5, priceCents: 200 }]);
    await catalogue.tiers([changed.tiers[0].id, other.tiers[0].id]);
    await db.update(ticketTiers).set({ priceCents: 150 }).where(eq(ticketTiers.id, changed.tiers[0].id));

    catalogue.forgetConcert(changed.concert.id);
    statements.length = 0;
    expect((await catalogue.tiers([changed.tiers[0].id])).get(changed.tiers[0].id)?.priceCents).toBe(150);
    expect((await catalogue.tiers([other.tiers[0].id])).get(other.tiers[0].id)?.priceCents).toBe(200);
    expect(statements).toHaveLength(1);
  });

  it('does not keep a read that was under way when the change came in', async () => {
    const catalogue = new TierCatalogue(db);
    const { concert, tiers } = await createConcert(db, [{ capacity: 5, priceCents: 100 }]);
    const underWay = catalogue.tiers([tiers[0].id]);
    catalogue.forgetConcert(concert.id);
    // The caller who asked before the change gets what was read; nobody after it does.
    expect((await underWay).get(tiers[0].id)?.priceCents).toBe(100);
    await db.update(ticketTiers).set({ priceCents: 175 }).where(eq(ticketTiers.id, tiers[0].id));
    expect((await catalogue.tiers([tiers[0].id])).get(tiers[0].id)?.priceCents).toBe(175);
  });
});
