import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimits } from '../../src/db/auth-schema.ts';
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

async function createKey(requestsPerMinute: number) {
  const organizer = await signedInAccount(app, 'organizer');
  const created = await graphql(
    app,
    /* GraphQL */ `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { ... on CreateApiKeySuccess { secret apiKey { id } } } }`,
    { input: { name: 'busy partner', scopes: ['CATALOGUE_READ'], requestsPerMinute } },
    { headers: organizer.headers },
  );
  return created.data!.createApiKey as { secret: string; apiKey: { id: string } };
}

async function request(target: TestApp, key = secret) {
  const response = await target.yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
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

  it('counts a busy key a few hits ahead per instance, and still never allows more than the quota', async () => {
    const busy = await createKey(1_500);
    const statements: string[] = [];
    const counting = createTestApp({ onQuery: (sql) => statements.push(sql) });
    try {
      await awayFromWindowEnd(app);
      let allowed = 0;
      // 2,250 requests in waves of 150, alternating between the instances.
      for (let wave = 0; wave < 15; wave += 1) {
        const answers = await Promise.all(Array.from({ length: 150 }, (_, index) => request(index % 2 === 0 ? counting : other, busy.secret)));
        allowed += answers.filter((answer) => answer.status === 200).length;
      }
      // Hits counted ahead but unused when the quota ran out can only make an instance refuse early:
      // at most a refill (30) and what was left when it went out (under 15) per instance.
      expect(allowed).toBeLessThanOrEqual(1_500);
      expect(allowed).toBeGreaterThanOrEqual(1_500 - 2 * (30 + 15));
      const counts = statements.filter((sql) => sql.includes('INSERT INTO "rate_limits"')).length;
      // This instance answered ~1,125 requests; most came from its allowance, not a round trip each.
      expect(counts).toBeLessThan(200);
      console.info(`busy key: ${allowed} of 2,250 allowed on a quota of 1,500; ${counts} counting statements for ~1,125 requests on one instance`);
    } finally {
      await counting.stop();
    }
  });
});
