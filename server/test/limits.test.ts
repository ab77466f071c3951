import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES, queryLimits } from '../src/http/limits.ts';
import { createTestApp, graphql } from './support/test-app.ts';
import { connectWs, runOnce } from './support/ws-client.ts';

const app = createTestApp({ production: true });
let port: number;
let ws: Client;
beforeAll(async () => {
  ({ port } = await app.start(0, '127.0.0.1'));
  ws = connectWs(port);
});
afterAll(async () => {
  await ws.dispose();
  await app.stop();
});

const repeat = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i)).join(' ');
const tierFields = 'id name capacity available price { cents currency }';
const catalogue = `concerts(first: 100) { edges { node { id name venue startsAt tiers { ${tierFields} concert { id name venue tiers { ${tierFields} } } } } } }`;

// Each is within every limit but the one it is named after.
const hostile = {
  depth: '{ concerts { edges { node { tiers { concert { tiers { concert { tiers { concert { name } } } } } } } } } }',
  aliases: `{ ${repeat(queryLimits.maxAliases + 1, (i) => `c${i}: concerts(first: 1) { pageInfo { hasNextPage } }`)} }`,
  directives: `{ __typename ${repeat(queryLimits.maxDirectives + 1, () => '@include(if: true)')} }`,
  tokens: `{ ${repeat(queryLimits.maxTokens, () => '__typename')} }`,
  cost: `{ ${repeat(10, (i) => `c${i}: ${catalogue}`)} }`,
};

describe('query limits', () => {
  for (const [limit, query] of Object.entries(hostile)) {
    it(`refuses a query over the ${limit} limit over HTTP with a coded error, never a 5xx`, async () => {
      const response = await app.yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query }),
      });
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.data).toBeUndefined();
      expect(body.errors[0]).toMatchObject({ message: expect.stringMatching(/limit of \d+ exceeded/i), extensions: { code: 'QUERY_LIMIT_EXCEEDED' } });
    });

    it(`refuses a query over the ${limit} limit over graphql-ws`, async () => {
      const result = await runOnce(ws, { query });
      expect(result.data).toBeUndefined();
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_LIMIT_EXCEEDED' } });
    });
  }

  it('keeps every operation of the web app within the limits', async () => {
    const manifest = fileURLToPath(new URL('../../web/src/gql/persisted-documents.json', import.meta.url));
    const documents = Object.values(JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, string>);
    expect(documents.length).toBeGreaterThan(0);
    const { parse, validate, schema } = app.yoga.getEnveloped({});
    for (const document of documents) expect(validate(schema, parse(document)).map((error: Error) => error.message)).toEqual([]);
  });

  it.each([
    'concerts(first: 50) { edges { node { tiers { price { cents } available concert { name } } } } }',
    'concerts(first: 100) { edges { cursor node { id name venue startsAt tiers { id name capacity available price { cents currency } concert { id name venue } } } } pageInfo { hasNextPage endCursor } }',
  ])('answers a full catalogue page as partners write it: %s', async (query) => {
    const result = await graphql(app, `{ ${query} }`);
    expect(result.errors).toBeUndefined();
  });

  it('still answers a query at the limits', async () => {
    const result = await graphql(app, `{ ${repeat(queryLimits.maxAliases, (i) => `c${i}: concerts(first: 1) { pageInfo { hasNextPage } }`)} }`);
    expect(result.errors).toBeUndefined();
    expect(Object.keys(result.data!)).toHaveLength(queryLimits.maxAliases);
  });
});

describe('request size', () => {
  const oversized = JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(MAX_REQUEST_BYTES) } });

  it('answers a body declared over 64 KB with 413 and a GraphQL error, before reading it', async () => {
    // A real socket: the server must answer from the Content-Length header and not wait for the body.
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': 10_000_000 } },
        (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode!, body: text }));
        },
      );
      req.on('error', reject);
      req.write('{"query":"'); // and never the remaining 10 MB
    });
    expect(status).toBe(413);
    expect(JSON.parse(body).errors[0]).toMatchObject({ message: 'Request body too large', extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } });
  });

  it('answers a streamed body without Content-Length that grows over 64 KB with 413', async () => {
    const bytes = new TextEncoder().encode(oversized);
    const body = new ReadableStream({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 8_192) controller.enqueue(bytes.slice(at, at + 8_192));
        controller.close();
      },
    });
    const response = await app.yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
  });

  // Over a real socket, a body with Content-Length is bounded by that header; one sent chunked
  // (no Content-Length) must still be counted while it is read.
  const overSocket = (body: string, headers: Record<string, string | number>) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      });
      req.on('error', reject);
      for (let at = 0; at < body.length; at += 8_192) req.write(body.slice(at, at + 8_192));
      req.end();
    });

  it('answers a chunked body over a socket that grows over 64 KB with 413', async () => {
    const { status, body } = await overSocket(oversized, { 'transfer-encoding': 'chunked' });
    expect(status).toBe(413);
    expect(JSON.parse(body).errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
  });

  it('answers bodies within the limit over a socket, chunked or with Content-Length', async () => {
    const small = JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(MAX_REQUEST_BYTES - 100) } });
    const variants: Record<string, string | number>[] = [{ 'transfer-encoding': 'chunked' }, { 'content-length': Buffer.byteLength(small) }];
    for (const headers of variants) {
      const { status, body } = await overSocket(small, headers);
      expect(status).toBe(200);
      expect(JSON.parse(body)).toEqual({ data: { __typename: 'Query' } });
    }
  });

  it('refuses a Content-Length that is not one number', async () => {
    const response = await app.yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '12, 12' },
      body: '{"query":"{ __typename }"}',
    });
    expect(response.status).toBe(400);
  });

  it('closes a WebSocket whose message is over 64 KB with 1009 (message too big)', async () => {
    let closeCode: number | undefined;
    const client = connectWs(port, { on: { closed: (event) => (closeCode = (event as { code: number }).code) } });
    const outcome = await runOnce(client, { query: '{ __typename }', variables: { padding: 'x'.repeat(MAX_REQUEST_BYTES) } }).catch((error) => error);
    expect(closeCode ?? (outcome as { code?: number }).code).toBe(1009);
    await client.dispose();
  });
});
