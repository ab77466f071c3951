import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createAuth } from '../src/auth/auth.ts';
import { ensureDemoAccounts } from '../src/auth/demo-accounts.ts';
import { apiKeys, users } from '../src/db/auth-schema.ts';
import { concerts } from '../src/db/schema.ts';
import { seedDemoCatalogue } from '../src/db/seed.ts';
import { createConcert, createTestApp, graphql } from './support/test-app.ts';

const demoConcert = sql`${concerts.id}::text LIKE '00000000-0000-4000-8000-%'`;

// What npm start and db:seed make for trying the product: an organizer who can sign in and a
// partner key that works, fixed by DEMO_* settings for scripted setups.
const app = createTestApp();
afterAll(() => app.stop());
const auth = createAuth({ db: app.db, secret: 'seed-only-secret-not-used-for-signing', publicUrl: 'http://localhost:4000', trustedOrigins: [], production: false });

describe('the demo organizer and partner key', () => {
  it('are made once, with fixed values kept in step on every run', async () => {
    const email = `organizer.${randomUUID().slice(0, 8)}@example.com`;
    const partnerKey = `ct_demo_${randomUUID()}`;
    const first = await ensureDemoAccounts(auth, app.db, { email, password: 'first password!', partnerKey });
    const second = await ensureDemoAccounts(auth, app.db, { email, password: 'second password!', partnerKey });
    const [organizer] = await app.db.select().from(users).where(eq(users.email, email));
    expect(first).toEqual({ userId: organizer.id, email, password: 'first password!', partnerKey });
    expect(second).toEqual({ userId: organizer.id, email, password: 'second password!', partnerKey });

    expect(organizer).toMatchObject({ role: 'organizer', emailVerified: true });
    const keys = await app.db.select().from(apiKeys).where(eq(apiKeys.referenceId, organizer.id));
    expect(keys).toHaveLength(1);
    expect(keys[0].key).not.toContain(partnerKey.slice(8));

    // The password is the latest one configured.
    const signIn = (password: string) => auth.api.signInEmail({ body: { email, password }, asResponse: true });
    expect((await signIn('first password!')).status).toBe(401);
    expect((await signIn('second password!')).status).toBe(200);

    // The key books: it has every partner scope.
    const { concertGid } = await createConcert(app.db, [{ capacity: 5 }]);
    const answer = await graphql(app, `query ($id: ID!) { concert(id: $id) { name } }`, { id: concertGid }, { headers: { 'x-api-key': partnerKey } });
    expect(answer.data?.concert.name).toBe('Test concert');
  });

  it('generate a password and a key only when none is configured, and show them once', async () => {
    const email = `organizer.${randomUUID().slice(0, 8)}@example.com`;
    const first = await ensureDemoAccounts(auth, app.db, { email });
    const second = await ensureDemoAccounts(auth, app.db, { email });
    expect(first.password).toMatch(/^[\w-]{16}$/);
    expect(first.partnerKey).toMatch(/^ct_[\w-]{43}$/);
    expect(second).toEqual({ userId: first.userId, email, password: null, partnerKey: null });
  });

  it('own the demo concerts, which a later seed with another organizer does not take from them', async () => {
    const demo = await ensureDemoAccounts(auth, app.db, { email: `organizer.${randomUUID().slice(0, 8)}@example.com` });
    const other = await ensureDemoAccounts(auth, app.db, { email: `organizer.${randomUUID().slice(0, 8)}@example.com` });
    // Seeded before concerts had owners: owned by nobody until the demo organizer's seed.
    await seedDemoCatalogue(app.db);
    await app.db.update(concerts).set({ organizerId: null }).where(demoConcert);
    await seedDemoCatalogue(app.db, demo.userId);
    await seedDemoCatalogue(app.db, other.userId);
    const owners = await app.db.select({ organizerId: concerts.organizerId }).from(concerts).where(demoConcert);
    expect(owners).toHaveLength(6);
    expect(owners.every((row) => row.organizerId === demo.userId)).toBe(true);
  });
});
