// The analytics phase: each organizer query on the 1,000,000-booking fixture, N times one after
// another over HTTP (the server in production mode, an organizer's session cookie), p50/p95 per
// query. For comparison, the same figures straight from bookings (the rollup switched off inside a
// transaction that is rolled back), a few times each.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { salesOverTime, tierFigures } from '../server/src/analytics/sales-figures.ts';
import type { Database } from '../server/src/db/client.ts';
import { createDatabase } from '../server/src/db/client.ts';
import { users } from '../server/src/db/auth-schema.ts';
import { salesRollupWatermark } from '../server/src/db/analytics-schema.ts';
import { concerts } from '../server/src/db/schema.ts';
import type { AnalyticsFixture } from './analytics-fixture.ts';
import { globalId } from './fixtures.ts';
import { median, quantile, round } from './stats.ts';

export interface AnalyticsQueryResult {
  name: string;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  errors: number;
}

export interface AnalyticsResult {
  fixture: AnalyticsFixture;
  queries: AnalyticsQueryResult[];
  /** Median ms of the same figures computed from bookings alone (no rollup), SQL only. */
  withoutRollup: { name: string; runs: number; p50Ms: number }[];
}

const FIELDS = /* GraphQL */ `
  overTime { start tickets revenue { cents } }
  byTier { tier { id name } ticketsSold revenue { cents } capacity held sellThrough }
  holdsVsConfirmed { held confirmed expired cancelled }
  totals { tickets revenue { cents } refunded { cents } }
`;
const query = (fields: string) => /* GraphQL */ `
  query ($concertId: ID!, $from: DateTime, $to: DateTime, $bucket: SalesBucket) {
    salesAnalytics(concertId: $concertId, from: $from, to: $to, bucket: $bucket) { ${fields} }
  }`;

export async function runAnalytics(options: { url: string; databaseUrl: string; fixture: AnalyticsFixture; runs: number; log: (message: string) => void }): Promise<AnalyticsResult> {
  const { url, databaseUrl, fixture, runs, log } = options;
  const cookie = await organizerCookie(url, databaseUrl, fixture.concertId);
  const concertId = globalId('Concert', fixture.concertId);
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const cases = [
    { name: 'byTier + holdsVsConfirmed + totals, whole concert', query: query(FIELDS.split('\n').slice(2).join('\n')), variables: { concertId } },
    { name: 'overTime DAY, whole concert (30 buckets)', query: query('overTime { start tickets revenue { cents } }'), variables: { concertId, bucket: 'DAY' } },
    { name: 'overTime HOUR, whole concert (720 buckets)', query: query('overTime { start tickets revenue { cents } }'), variables: { concertId, bucket: 'HOUR' } },
    { name: 'overTime MINUTE, last 24 h (1,440 buckets)', query: query('overTime { start tickets revenue { cents } }'), variables: { concertId, bucket: 'MINUTE', from: iso(now - 86_400_000), to: iso(now) } },
    { name: 'everything, 7 days with ragged ends, DAY', query: query(FIELDS), variables: { concertId, bucket: 'DAY', from: iso(now - 7 * 86_400_000 - 7 * 60_000), to: iso(now - 3 * 60_000) } },
  ];

  const queries: AnalyticsQueryResult[] = [];
  for (const testCase of cases) {
    const body = JSON.stringify({ query: testCase.query, variables: testCase.variables });
    const send = async () => {
      const started = performance.now();
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body });
      const result = (await response.json()) as { data?: { salesAnalytics: unknown }; errors?: unknown[] };
      return { ms: performance.now() - started, ok: response.ok && !result.errors && result.data?.salesAnalytics != null, result };
    };
    for (let i = 0; i < 3; i++) {
      const warm = await send();
      if (!warm.ok) throw new Error(`analytics query "${testCase.name}" failed: ${JSON.stringify(warm.result).slice(0, 500)}`);
    }
    const times: number[] = [];
    let errors = 0;
    for (let i = 0; i < runs; i++) {
      const run = await send();
      times.push(run.ms);
      if (!run.ok) errors += 1;
    }
    times.sort((a, b) => a - b);
    queries.push({ name: testCase.name, runs, p50Ms: quantile(times, 0.5), p95Ms: quantile(times, 0.95), maxMs: round(times.at(-1)!), errors });
    log(`  ${testCase.name}: p50 ${queries.at(-1)!.p50Ms} ms, p95 ${queries.at(-1)!.p95Ms} ms`);
  }
  return { fixture, queries, withoutRollup: await measureWithoutRollup(databaseUrl, fixture.concertId, log) };
}

/** The figures from bookings alone: the watermark at -infinity inside a transaction that is rolled back. */
async function measureWithoutRollup(databaseUrl: string, concertId: string, log: (message: string) => void) {
  // No statement timeout: from bookings alone these take seconds.
  const { db, pool } = createDatabase({ url: databaseUrl, poolSize: 1, timeouts: { statementMs: 0, idleInTransactionMs: 0 } });
  const range = { concertId, from: null, to: null };
  const cases: { name: string; run: (tx: Database) => Promise<unknown> }[] = [
    { name: 'tier figures (byTier, holdsVsConfirmed, totals), whole concert', run: (tx) => tierFigures(tx, range) },
    { name: 'overTime DAY, whole concert', run: (tx) => salesOverTime(tx, range, 'DAY', 'America/New_York') },
  ];
  const results: AnalyticsResult['withoutRollup'] = [];
  try {
    for (const testCase of cases) {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        await db
          .transaction(async (tx) => {
            await tx.update(salesRollupWatermark).set({ coveredUntil: sql`'-infinity'` });
            const started = performance.now();
            await testCase.run(tx as unknown as Database);
            times.push(performance.now() - started);
            throw new Rollback();
          })
          .catch((error) => {
            if (!(error instanceof Rollback)) throw error;
          });
      }
      results.push({ name: testCase.name, runs: times.length, p50Ms: round(median(times)) });
      log(`  without the rollup, ${testCase.name}: p50 ${results.at(-1)!.p50Ms} ms`);
    }
  } finally {
    await pool.end();
  }
  return results;
}

class Rollback extends Error {}

/**
 * Signs up over HTTP as any organizer would, made an organizer in the database and given the
 * fixture's concert (only a concert's own organizer sees its figures), and signs in.
 */
async function organizerCookie(graphqlUrl: string, databaseUrl: string, concertId: string) {
  const base = new URL('/api/auth/', graphqlUrl);
  const email = `bench-organizer-${randomUUID()}@example.com`;
  const password = 'bench-organizer-password';
  const post = (path: string, body: unknown) =>
    // better-auth wants a trusted Origin on sign-up: the bench server's public URL is the default one.
    fetch(new URL(path, base), { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://localhost:4000' }, body: JSON.stringify(body) });
  const signUp = await post('sign-up/email', { email, password, name: 'Bench organizer' });
  if (!signUp.ok) throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
  const { db, pool } = createDatabase({ url: databaseUrl, poolSize: 1 });
  await db
    .transaction(async (tx) => {
      const [user] = await tx.update(users).set({ role: 'organizer', emailVerified: true }).where(eq(users.email, email)).returning({ id: users.id });
      await tx.update(concerts).set({ organizerId: user.id }).where(eq(concerts.id, concertId));
    })
    .finally(() => pool.end());
  const signIn = await post('sign-in/email', { email, password });
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
  return signIn.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
}
