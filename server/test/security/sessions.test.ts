import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/db/free-port.ts';
import { AuthClient, magicLinkFor } from '../support/auth-client.ts';
import { bookingInput, createConcert, createTestApp, graphql, type TestApp } from '../support/test-app.ts';
import { connectWs, runOnce, webSocketWithHeaders } from '../support/ws-client.ts';

// Shoppers sign in through better-auth (magic link, password); the session cookie is who they are
// over HTTP and over graphql-ws alike.
let app: TestApp;
let base: string;
let port: number;

beforeAll(async () => {
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  app = createTestApp({ publicUrl: base, sessionCheckIntervalMs: 100 });
  await app.start(port, '127.0.0.1');
});
afterAll(() => app.stop());

const VIEWER = /* GraphQL */ `{ viewer { email emailVerified role } }`;
const MY_BOOKINGS = /* GraphQL */ `{ myBookings(first: 10) { edges { node { id customerEmail status } } } }`;
const HOLD = /* GraphQL */ `mutation ($input: BookTicketsInput!) { holdTickets(input: $input) { __typename ... on HoldTicketsSuccess { booking { id accessToken } } } }`;

async function asUser(client: AuthClient, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: client.cookie },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: any[] };
}

const uniqueEmail = (name: string) => `${name}.${randomUUID().slice(0, 8)}@example.com`;
const guest = () => ({ headers: { 'x-guest-id': randomUUID().replaceAll('-', '') } });

describe('signing in', () => {
  it('by magic link: the link comes through the outbox, proves the email, and shows the guest bookings made with it', async () => {
    const email = uniqueEmail('fan');
    const { concertGid, tierGids } = await createConcert(app.db, [{ capacity: 20 }]);
    const mine = await graphql(app, HOLD, bookingInput(concertGid, [[tierGids[0], 1]], { customerEmail: email.toUpperCase() }), guest());
    const someoneElses = await graphql(app, HOLD, bookingInput(concertGid, [[tierGids[0], 1]], { customerEmail: uniqueEmail('other') }), guest());
    expect(mine.data?.holdTickets.__typename).toBe('HoldTicketsSuccess');

    const shopper = new AuthClient(base);
    expect((await shopper.post('/sign-in/magic-link', { email, callbackURL: '/my-bookings' })).status).toBe(200);
    const link = await magicLinkFor(app.db, email);
    expect(link.startsWith(`${base}/api/auth/magic-link/verify?token=`)).toBe(true);
    const landed = await shopper.open(link);
    expect(landed.status).toBe(302);
    expect(landed.headers.get('location')).toMatch(/\/my-bookings$/);

    expect((await asUser(shopper, VIEWER)).data?.viewer).toEqual({ email, emailVerified: true, role: 'SHOPPER' });
    const ids = (await asUser(shopper, MY_BOOKINGS)).data?.myBookings.edges.map((edge: any) => edge.node.id);
    expect(ids).toEqual([mine.data?.holdTickets.booking.id]);
    expect(ids).not.toContain(someoneElses.data?.holdTickets.booking.id);

    // A magic link works once.
    const stranger = new AuthClient(base);
    await stranger.open(link);
    expect((await asUser(stranger, VIEWER)).data?.viewer).toBeNull();
  });

  it('by password: an unverified email owns only what was booked signed in, not guest bookings made with that email', async () => {
    const email = uniqueEmail('claimer');
    const { concertGid, tierGids } = await createConcert(app.db, [{ capacity: 20 }]);
    const guestBooking = await graphql(app, HOLD, bookingInput(concertGid, [[tierGids[0], 1]], { customerEmail: email }), guest());

    const claimer = new AuthClient(base);
    expect((await claimer.post('/sign-up/email', { email, password: 'correct horse battery', name: 'Claimer' })).status).toBe(200);
    expect((await asUser(claimer, VIEWER)).data?.viewer).toEqual({ email, emailVerified: false, role: 'SHOPPER' });
    const signedInHold = await asUser(claimer, HOLD, bookingInput(concertGid, [[tierGids[0], 1]], { customerEmail: email }));
    const ids = (await asUser(claimer, MY_BOOKINGS)).data?.myBookings.edges.map((edge: any) => edge.node.id);
    expect(ids).toEqual([signedInHold.data?.holdTickets.booking.id]);
    const probe = await asUser(claimer, `query ($id: ID!) { booking(id: $id) { id } }`, { id: guestBooking.data?.holdTickets.booking.id });
    expect(probe.data?.booking).toBeNull();

    await claimer.post('/sign-out', {});
    expect((await asUser(claimer, VIEWER)).data?.viewer).toBeNull();
    const again = new AuthClient(base);
    expect((await again.post('/sign-in/email', { email, password: 'wrong password!' })).status).toBe(401);
    expect((await again.post('/sign-in/email', { email, password: 'correct horse battery' })).status).toBe(200);
    expect((await asUser(again, VIEWER)).data?.viewer.email).toBe(email);
  });

  it('cannot make itself an organizer at sign-up', async () => {
    const client = new AuthClient(base);
    const email = uniqueEmail('sneaky');
    const response = await client.post('/sign-up/email', { email, password: 'correct horse battery', name: 'Sneaky', role: 'organizer' });
    if (response.status === 200) expect((await asUser(client, VIEWER)).data?.viewer.role).toBe('SHOPPER');
    else expect(response.status).toBe(400);
  });

  it('is the same identity over graphql-ws, from the upgrade request', async () => {
    const email = uniqueEmail('socket');
    const client = new AuthClient(base);
    await client.post('/sign-up/email', { email, password: 'correct horse battery', name: 'Socket' });
    const signedIn = connectWs(port, { webSocketImpl: webSocketWithHeaders({ cookie: client.cookie }) });
    const anonymous = connectWs(port);
    try {
      expect(await runOnce(signedIn, { query: VIEWER })).toEqual({ data: { viewer: { email, emailVerified: false, role: 'SHOPPER' } } });
      expect(await runOnce(anonymous, { query: VIEWER })).toEqual({ data: { viewer: null } });
      const refused = await runOnce(anonymous, { query: MY_BOOKINGS });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    } finally {
      await signedIn.dispose();
      await anonymous.dispose();
    }
  });

  it('ends at sign-out for every copy of its cookies, and closes the WebSockets it opened', async () => {
    const email = uniqueEmail('leaver');
    const leaver = new AuthClient(base);
    const stayer = new AuthClient(base);
    await leaver.post('/sign-up/email', { email, password: 'correct horse battery', name: 'Leaver' });
    await stayer.post('/sign-up/email', { email: uniqueEmail('stayer'), password: 'correct horse battery', name: 'Stayer' });
    const copied = { cookie: leaver.cookie };
    const closes: Record<string, number> = {};
    const socketOf = (name: string, cookie: string) =>
      connectWs(port, { webSocketImpl: webSocketWithHeaders({ cookie }), on: { closed: (event) => void (closes[name] = (event as { code: number }).code) } });
    const leaving = socketOf('leaver', leaver.cookie);
    const staying = socketOf('stayer', stayer.cookie);
    // Subscriptions keep each socket open, as a page's live counts do.
    const live = [leaving, staying].map((socket) => socket.subscribe({ query: 'subscription { availabilityChanged { id } }' }, { next: () => {}, error: () => {}, complete: () => {} }));
    try {
      expect((await runOnce(leaving, { query: VIEWER })).data?.viewer.email).toBe(email);
      expect((await runOnce(staying, { query: VIEWER })).data?.viewer).not.toBeNull();
      expect((await leaver.post('/sign-out', {})).status).toBe(200);
      // The cookies as they were before sign-out, replayed: no session any more, at once.
      expect((await asUser(copied as AuthClient, VIEWER)).data?.viewer).toBeNull();
      // The app checks every 100 ms here (5 s by default).
      await expect.poll(() => closes.leaver, { timeout: 5_000 }).toBe(4403);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(closes.stayer).toBeUndefined();
      expect((await runOnce(staying, { query: VIEWER })).data?.viewer).not.toBeNull();
    } finally {
      for (const unsubscribe of live) unsubscribe();
      await leaving.dispose();
      await staying.dispose();
    }
  });

  it("accepts sign-ins from the server's own origin under either loopback name, and refuses other origins", async () => {
    const signUp = (origin: string) =>
      fetch(`${base}/api/auth/sign-up/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ email: uniqueEmail('origin'), password: 'correct horse battery', name: 'Origin' }),
      });
    expect((await signUp(`http://localhost:${port}`)).status).toBe(200);
    expect((await signUp('https://evil.example')).status).toBe(403);
    // A plain HTML form from anywhere (no preflight) is refused before better-auth sees it.
    const form = await fetch(`${base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: 'email=attacker%40example.com&password=correct+horse+battery',
    });
    expect(form.status).toBe(415);
  });
});
