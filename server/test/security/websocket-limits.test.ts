import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { readConfig } from '../../src/config.ts';
import { createTestApp } from '../support/test-app.ts';
import { connectWs, runOnce } from '../support/ws-client.ts';

// The defaults a fresh `npm start` runs with.
const { maxSubscriptionsPerSocket, maxSocketsPerAddress } = readConfig({}).webSockets;
const app = createTestApp({ production: true });
let port: number;
beforeAll(async () => {
  ({ port } = await app.start(0, '127.0.0.1'));
});
afterAll(() => app.stop());

const SUBSCRIPTION = /* GraphQL */ `subscription { availabilityChanged { id available } }`;

/** Subscribes and resolves with the operation's error, if the server sends one. */
function subscribe(client: Client) {
  let failed: (errors: unknown) => void = () => {};
  const error = new Promise<unknown>((resolve) => (failed = resolve));
  const dispose = client.subscribe({ query: SUBSCRIPTION }, { next: () => {}, error: failed, complete: () => {} });
  return { dispose, error };
}

/** The HTTP status of an upgrade (101 when the socket opened) and the socket, to close later. */
function upgrade() {
  return new Promise<{ status: number; socket: WebSocket }>((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
    socket.once('open', () => resolve({ status: 101, socket }));
    socket.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0, socket }));
    socket.once('error', reject);
  });
}

describe('WebSocket limits', () => {
  it('has defaults of 20 subscriptions per socket and 50 sockets per address', () => {
    expect({ maxSubscriptionsPerSocket, maxSocketsPerAddress }).toEqual({ maxSubscriptionsPerSocket: 20, maxSocketsPerAddress: 50 });
  });

  it('refuses a subscription over the per-socket limit with a coded error, and keeps the socket', async () => {
    const client = connectWs(port);
    const open = Array.from({ length: maxSubscriptionsPerSocket }, () => subscribe(client));
    const over = subscribe(client);
    expect(await over.error).toEqual([
      expect.objectContaining({ message: `At most ${maxSubscriptionsPerSocket} operations at once on one WebSocket`, extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } }),
    ]);
    // Ending one makes room again.
    open[0].dispose();
    expect(await runOnce(client, { query: '{ __typename }' })).toEqual({ data: { __typename: 'Query' } });
    for (const subscription of open) subscription.dispose();
    await client.dispose();
  });

  it('refuses a socket over the per-address limit with 429 before the handshake', async () => {
    const sockets = await Promise.all(Array.from({ length: maxSocketsPerAddress }, () => upgrade()));
    expect(sockets.every(({ status }) => status === 101)).toBe(true);
    const over = await upgrade();
    expect(over.status).toBe(429);
    // A closed socket gives its place back.
    const closed = new Promise((resolve) => sockets[0].socket.once('close', resolve));
    sockets[0].socket.close();
    await closed;
    let again = await upgrade();
    // The server may see the close a moment after the client does.
    while (again.status === 429) again = await upgrade();
    expect(again.status).toBe(101);
    for (const { socket } of [...sockets, again]) socket.close();
  });
});
