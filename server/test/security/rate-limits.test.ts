import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimits } from '../../src/db/schema.ts';
import { signedInAccount } from '../support/accounts.ts';
import { createTestApp, graphql, type TestApp } from '../support/test-app.ts';

// Two instances on one database: a key's quota is one count, however its requests are spread.
const app = createTestApp();
const other = createTestApp();
afterAll(() => Promise.all([app.stop(), other.stop()]));

let secret: string;
let keyId: string;
const QUOTA = 20;
beforeAll(async () => {
  const organizer = await signedInAccount(app, 'organizer');
  const created = await graphql(
    app,
    /* GraphQL */ `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { ... on CreateApiKeySuccess { secret apiKey { id } } } }`,
    { input: { name: 'quota test', scopes: ['CATALOGUE_READ'], requestsPerMinute: QUOTA } },
    { headers: organizer.headers },
  );
  ({ secret, apiKey: { id: keyId } } = created.data!.createApiKey);
});

async function request(target: TestApp) {
  const response = await target.yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': secret },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
}

/**
 * Windows are whole minutes of Postgres's clock. Requests that straddle a boundary rightly count
 * in two windows, so the test starts right after one if the current window is about to end.
 */
async function awayFromWindowEnd(target: TestApp) {
  const { rows } = await target.pool.query<{ left_ms: number }>(`SELECT 60000 - (extract(epoch FROM clock_timestamp()) * 1000)::bigint % 60000 AS left_ms`);
  const leftMs = Number(rows[0].left_ms);
  if (leftMs < 10_000) await new Promise((resolve) => setTimeout(resolve, leftMs + 50));
}

describe('API key quotas', () => {
  it('allows exactly the quota across two instances under concurrent load; the rest get RATE_LIMITED, 429 and Retry-After', async () => {
    await awayFromWindowEnd(app);
    // 3× the quota at once, split between the instances.
    const answers = await Promise.all(Array.from({ length: 3 * QUOTA }, (_, index) => request(index % 2 === 0 ? app : other)));
    const allowed = answers.filter((answer) => answer.status === 200);
    const limited = answers.filter((answer) => answer.status === 429);
    expect(allowed).toHaveLength(QUOTA);
    expect(limited).toHaveLength(2 * QUOTA);
    expect(allowed.every((answer) => JSON.stringify(answer.body.data) === '{"__typename":"Query"}')).toBe(true);
    for (const answer of limited) {
      const extensions = answer.body.errors?.[0].extensions;
      expect(extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
      const seconds = extensions!.retryAfterSeconds as number;
      expect(seconds).toBeGreaterThanOrEqual(1);
      expect(seconds).toBeLessThanOrEqual(60);
      expect(answer.retryAfter).toBe(String(seconds));
    }
    // Both instances refused some: neither counted on its own.
    expect(new Set(answers.flatMap((answer, index) => (answer.status === 429 ? [index % 2] : []))).size).toBe(2);
    // Refused requests count too: a client hammering through its quota does not earn an earlier reset.
    expect(await app.db.select({ hits: rateLimits.hits }).from(rateLimits).where(eq(rateLimits.key, `key:${keyId}`))).toEqual([{ hits: 3 * QUOTA }]);
  });
});
