import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestApp } from '../support/test-app.ts';

const partner = 'https://partner.example';
const app = createTestApp({ production: true, corsOrigins: [partner] });
const development = createTestApp({ production: false });
let port: number;
beforeAll(async () => {
  ({ port } = await app.start(0, '127.0.0.1'));
});
afterAll(() => Promise.all([app.stop(), development.stop()]));

const query = JSON.stringify({ query: '{ __typename }' });
const post = (target: typeof app, origin: string) =>
  target.yoga.fetch('http://yoga/graphql', { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: query });
const preflight = (target: typeof app, origin: string) =>
  target.yoga.fetch('http://yoga/graphql', {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });

describe('CORS', () => {
  it('gives an unknown origin no CORS headers, so its page cannot read answers or send JSON', async () => {
    for (const response of [await post(app, 'https://evil.example'), await preflight(app, 'https://evil.example')]) {
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('allows the origins of CORS_ORIGINS, with credentials', async () => {
    const answer = await preflight(app, partner);
    expect(answer.headers.get('access-control-allow-origin')).toBe(partner);
    expect(answer.headers.get('access-control-allow-credentials')).toBe('true');
    expect((await post(app, partner)).headers.get('access-control-allow-origin')).toBe(partner);
  });

  it('allows Vite on localhost:5173 in development only', async () => {
    expect((await post(development, 'http://localhost:5173')).headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect((await post(app, 'http://localhost:5173')).headers.get('access-control-allow-origin')).toBeNull();
  });
});

/** Resolves with the HTTP status of the upgrade: 101 when the socket opened. */
function upgrade(headers: { origin?: string; host?: string }) {
  return new Promise<number>((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws', { headers: headers as Record<string, string> });
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.once('error', reject);
  });
}

describe('WebSocket origin', () => {
  it('refuses an upgrade from a foreign page with 403 before the handshake', async () => {
    expect(await upgrade({ origin: 'https://evil.example' })).toBe(403);
    // The Host header is the attacker's to choose only outside a browser; the origin must match it.
    expect(await upgrade({ origin: `http://127.0.0.1:${port}.evil.example` })).toBe(403);
  });

  it('accepts the server\'s own origin, an allowed origin, and clients that send no Origin (servers, partners\' backends)', async () => {
    expect(await upgrade({ origin: `http://127.0.0.1:${port}` })).toBe(101);
    expect(await upgrade({ origin: partner })).toBe(101);
    expect(await upgrade({})).toBe(101);
  });
});
