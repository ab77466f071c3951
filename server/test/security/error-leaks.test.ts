import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { createTestApp } from '../support/test-app.ts';
import { connectWs, runOnce } from '../support/ws-client.ts';

const production = createTestApp({ production: true });
const development = createTestApp({ production: false });
let ws: Client;
beforeAll(async () => {
  const { port } = await production.start(0, '127.0.0.1');
  ws = connectWs(port);
});
afterAll(async () => {
  await ws.dispose();
  await Promise.all([production.stop(), development.stop()]);
});

// What must never reach a client: the parser's own message quoting the body, stacks, internal error objects.
const INTERNALS = /originalError|stack|is not valid JSON|SECRET-BODY|at position|node_modules/i;

describe('malformed requests', () => {
  it.each([
    ['a truncated body', '{"query": "{ __typename }", "variables": {"note": "SECRET-BODY"'],
    ['not JSON at all', 'SECRET-BODY'],
    ['a trailing comma', '{"query": "{ __typename }", "x": "SECRET-BODY",}'],
  ])('answers %s with a short 400 and nothing of the body or the parser, in production and development', async (_case, body) => {
    for (const app of [production, development]) {
      const response = await app.yoga.fetch('http://yoga/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(response.status).toBe(400);
      const text = await response.text();
      expect(text).not.toMatch(INTERNALS);
      expect(JSON.parse(text)).toEqual({ errors: [{ message: 'POST body sent invalid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
    }
  });

  it('answers broken operations over graphql-ws without internals', async () => {
    const answers = await Promise.all([
      runOnce(ws, { query: '{ concerts(first: "SECRET-BODY") { pageInfo { hasNextPage } } }' }),
      runOnce(ws, { query: 'query ($first: Int) { concerts(first: $first) { pageInfo { hasNextPage } } }', variables: { first: { SECRET: 'BODY' } } }),
      runOnce(ws, { query: '{ concerts(' }),
    ]);
    for (const answer of answers) {
      expect(answer.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(answer)).not.toMatch(/originalError|stack|node_modules/);
    }
  });
});
