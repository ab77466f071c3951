import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryLimits } from '../../src/http/limits.ts';
import { MAX_NODE_IDS } from '../../src/graphql/types/node.ts';
import { createTestApp } from '../support/test-app.ts';
import { connectWs, runOnce } from '../support/ws-client.ts';

// Every SQL statement the app sends: a refused operation must send none. The background jobs are
// slowed to a crawl so that none of their statements lands inside a test.
const statements: string[] = [];
const HOUR = 3_600_000;
const app = createTestApp({
  production: true,
  onQuery: (sql) => statements.push(sql),
  holdSweeper: { intervalMs: HOUR },
  salesRollupIntervalMs: 0,
  waitingRoomTickMs: 0,
  concertCancellations: { intervalMs: HOUR },
});
let ws: Client;
beforeAll(async () => {
  const { port } = await app.start(0, '127.0.0.1');
  ws = connectWs(port);
});
afterAll(async () => {
  await ws.dispose();
  await app.stop();
});
beforeEach(() => {
  statements.length = 0;
});

const tierFields = 'id name capacity available price { cents currency }';
// A catalogue page as partners write it: ≈11,800 at first: 100, so two of them are over the limit.
const page = (first: string) =>
  `concerts(first: ${first}) { edges { cursor node { id name venue startsAt tiers { ${tierFields} concert { id name venue } } } } pageInfo { hasNextPage endCursor } }`;
const tenPages = (first: string) => Array.from({ length: 10 }, (_, i) => `c${i}: ${page(first)}`).join(' ');
const uuid = (i: number) => `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`;
const ids = (n: number) => Array.from({ length: n }, (_, i) => encodeGlobalID('Concert', uuid(i)));
const NODES = /* GraphQL */ `query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Concert { name tiers { ${tierFields} } } } }`;

async function post(query: string, variables?: Record<string, unknown>) {
  const response = await app.yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.json() };
}

describe('query cost with variables', () => {
  it('counts a `first` passed as a variable like a literal one, over HTTP and graphql-ws, before running anything', async () => {
    const literal = await post(`{ ${tenPages('100')} }`);
    expect(literal.status).toBe(400);
    const query = `query ($first: Int) { ${tenPages('$first')} }`;
    const http = await post(query, { first: 100 });
    expect(http.status).toBe(400);
    expect(http.body.data).toBeUndefined();
    expect(http.body.errors[0]).toMatchObject({ message: expect.stringMatching(/limit of 20000 exceeded/i), extensions: { code: 'QUERY_LIMIT_EXCEEDED' } });
    const overWs = await runOnce(ws, { query, variables: { first: 100 } });
    expect(overWs.data ?? undefined).toBeUndefined();
    expect(overWs.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_LIMIT_EXCEEDED' } });
    expect(statements).toEqual([]);
  });

  it('still answers the same query with small pages, and one full page', async () => {
    expect((await post(`query ($first: Int) { ${tenPages('$first')} }`, { first: 2 })).body.errors).toBeUndefined();
    expect((await post(`query ($first: Int) { ${page('$first')} }`, { first: 100 })).body.errors).toBeUndefined();
  });
});

describe('query cost of a connection without first', () => {
  it('counts the default page of 20 it answers, not one row', async () => {
    const withoutFirst = page('20').replace('(first: 20)', '');
    const tenDefaultPages = Array.from({ length: 10 }, (_, i) => `c${i}: ${withoutFirst}`).join(' ');
    expect((await post(`{ ${tenDefaultPages} }`)).status).toBe(400);
    expect((await post(`{ ${withoutFirst} }`)).body.errors).toBeUndefined();
    expect(statements.length).toBeGreaterThan(0);
  });
});

describe('nodes(ids:)', () => {
  it(`refuses more than ${MAX_NODE_IDS} ids with a coded error, without touching the database`, async () => {
    for (const count of [MAX_NODE_IDS + 1, 1_000]) {
      const http = await post(NODES, { ids: ids(count) });
      expect(http.status).toBe(400);
      expect(http.body.data).toBeUndefined();
      expect(http.body.errors[0]).toMatchObject({ message: `nodes(ids:) takes at most ${MAX_NODE_IDS} ids, got ${count}`, extensions: { code: 'QUERY_LIMIT_EXCEEDED' } });
    }
    const overWs = await runOnce(ws, { query: NODES, variables: { ids: ids(MAX_NODE_IDS + 50) } });
    expect(overWs.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_LIMIT_EXCEEDED' } });
    expect(statements).toEqual([]);
  });

  it(`answers ${MAX_NODE_IDS} ids, and counts each id's selection in the cost`, async () => {
    const answer = await post(NODES, { ids: ids(MAX_NODE_IDS) });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.nodes).toHaveLength(MAX_NODE_IDS);
    // 100 ids of a heavy selection cost what 100 rows of a connection would.
    const deep = `tiers { concert { tiers { concert { tiers { ${tierFields} } } } } }`;
    const heavy = `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Concert { a: ${deep} b: ${deep} } } }`;
    const refused = await post(heavy, { ids: ids(MAX_NODE_IDS) });
    expect(refused.body.errors?.[0].extensions.code).toBe('QUERY_LIMIT_EXCEEDED');
    expect(queryLimits.maxCost).toBe(20_000);
  });
});
