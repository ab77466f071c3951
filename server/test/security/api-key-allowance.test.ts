import { defaultKeyHasher } from '@better-auth/api-key';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeys } from '../../src/db/auth-schema.ts';
import { MAX_KEYS_IN_USE } from '../../src/graphql/types/api-key.ts';
import { signedInAccount } from '../support/accounts.ts';
import { createTestApp, graphql } from '../support/test-app.ts';

// Two instances on one database: the creation quota is counted across both.
const app = createTestApp();
const other = createTestApp();
beforeAll(() => Promise.all([app.start(0, '127.0.0.1'), other.start(0, '127.0.0.1')]));
afterAll(() => Promise.all([app.stop(), other.stop()]));

const CREATE = /* GraphQL */ `
  mutation ($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { __typename ... on CreateApiKeySuccess { secret } ... on ValidationError { field message } }
  }
`;
const create = (target: typeof app, headers: Record<string, string>, name: string) => graphql(target, CREATE, { input: { name, scopes: ['CATALOGUE_READ'] } }, { headers });
const keysOf = (owner: string) => app.db.select().from(apiKeys).where(and(eq(apiKeys.referenceId, owner), eq(apiKeys.enabled, true)));

describe('how many API keys an organizer may make', () => {
  it('creates 20 a minute however the calls are spread over instances; the other 30 of 50 at once are RATE_LIMITED and write nothing', async () => {
    const organizer = await signedInAccount(app, 'organizer');
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => create(i % 2 ? other : app, organizer.headers, `burst ${i}`)));

    const secrets = results.flatMap((result) => (result.data?.createApiKey?.__typename === 'CreateApiKeySuccess' ? [result.data.createApiKey.secret as string] : []));
    const limited = results.filter((result) => result.errors?.[0]?.extensions?.code === 'RATE_LIMITED');
    expect(secrets).toHaveLength(20);
    expect(limited).toHaveLength(30);
    expect(limited[0].errors?.[0].extensions).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    expect(new Set(secrets).size).toBe(20);
    // Ledger: exactly the keys that were answered exist, and each of them works.
    const stored = await keysOf(organizer.id);
    expect(new Set(stored.map((row) => row.key))).toEqual(new Set(await Promise.all(secrets.map((secret) => defaultKeyHasher(secret)))));
    const answers = await Promise.all(secrets.map((secret) => graphql(other, '{ concerts(first: 1) { edges { cursor } } }', {}, { headers: { 'x-api-key': secret } })));
    expect(answers.every((answer) => !answer.errors)).toBe(true);
  });

  it(`refuses a key beyond ${MAX_KEYS_IN_USE} in use, and makes one again once a key is revoked`, async () => {
    const organizer = await signedInAccount(app, 'organizer');
    const rows = Array.from({ length: MAX_KEYS_IN_USE }, (_, i) => ({ id: `cap-${organizer.id}-${i}`, key: `hash-${organizer.id}-${i}`, referenceId: organizer.id, name: `old ${i}` }));
    await app.db.insert(apiKeys).values(rows);

    const refused = await create(app, organizer.headers, 'one too many');
    expect(refused.data?.createApiKey).toMatchObject({ __typename: 'ValidationError', field: 'name', message: expect.stringContaining('revoke one first') });
    expect(await keysOf(organizer.id)).toHaveLength(MAX_KEYS_IN_USE);

    await app.db.update(apiKeys).set({ enabled: false }).where(eq(apiKeys.id, rows[0].id));
    expect((await create(app, organizer.headers, 'replacement')).data?.createApiKey.__typename).toBe('CreateApiKeySuccess');
  });
});
