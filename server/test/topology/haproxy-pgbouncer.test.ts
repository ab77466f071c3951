import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/db/client.ts';
import { freePort } from '../../src/db/free-port.ts';
import { countBy, startBookingLoad } from '../support/booking-load.ts';
import { partnerHeaders } from '../support/test-app.ts';
import { readBookings, readLedger } from '../support/ledger.ts';
import { BOOK_TICKETS, bookingInput, createConcert, testDatabaseUrl } from '../support/test-app.ts';
import { gaugeOf } from '../support/server-process.ts';
import { connectWs, runOnce, watchAvailability } from '../support/ws-client.ts';
import { binary, renderConfig, scratchDir, startAppProcess, startHaproxy, startPgbouncer, type Engine } from './engines.ts';

// The production topology with Debian's engines: HAProxy → 3 app processes → PgBouncer 1.18
// (transaction mode) → Postgres, with each process's LISTEN connection going straight to Postgres.
const haproxyBin = binary('haproxy');
const pgbouncerBin = binary('pgbouncer');
const missing = [!haproxyBin && 'haproxy', !pgbouncerBin && 'pgbouncer'].filter(Boolean);
if (missing.length) console.warn(`topology test skipped: ${missing.join(' and ')} not installed (apt-get install haproxy pgbouncer)`);

const scratch = scratchDir();
const engines: Engine[] = [];
let apps: { port: number; base: string; engine: Engine }[] = [];
let front = '';
let frontPort = 0;

async function send(query: string, variables: Record<string, unknown>) {
  try {
    const response = await fetch(`${front}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...partnerHeaders() }, body: JSON.stringify({ query, variables }) });
    const text = await response.text();
    try {
      return { body: JSON.parse(text) as { data?: any; errors?: any[] } };
    } catch {
      return { network: new Error(`HTTP ${response.status} ${text.slice(0, 80)}`) };
    }
  } catch (error) {
    return { network: error as Error };
  }
}

/** A subscriber through HAProxy that reconnects on its own, counting its connections. */
function subscriber(concertGid: string) {
  let connections = 0;
  const waiters: (() => void)[] = [];
  const client: Client = connectWs(frontPort, {
    retryAttempts: 20,
    shouldRetry: () => true,
    retryWait: () => new Promise((resolve) => setTimeout(resolve, 100)),
    on: { connected: () => { connections += 1; waiters.splice(0).forEach((wake) => wake()); } },
  });
  const feed = watchAvailability(client, concertGid);
  return {
    client,
    feed,
    get connections() { return connections; },
    reconnected: () => new Promise<void>((resolve) => (connections > 1 ? resolve() : waiters.push(resolve))),
  };
}

beforeAll(async () => {
  if (missing.length) return;
  const direct = new URL(testDatabaseUrl());
  const bouncerPort = await freePort();
  const config = renderConfig(scratch.dir, 'pgbouncer/pgbouncer.ini', [
    [/^concert_tickets = .*$/m, `concert_tickets = host=${direct.hostname} port=${direct.port} dbname=${direct.pathname.slice(1)} user=${decodeURIComponent(direct.username)} password=${decodeURIComponent(direct.password)}`],
    [/^listen_addr = .*$/m, 'listen_addr = 127.0.0.1'],
    [/^listen_port = .*$/m, `listen_port = ${bouncerPort}`],
  ]);
  engines.push(await startPgbouncer(pgbouncerBin!, config, bouncerPort));
  const env = {
    DATABASE_URL: `postgres://app:unused@127.0.0.1:${bouncerPort}/concert_tickets`,
    LISTEN_DATABASE_URL: direct.toString(),
    DB_NAMED_STATEMENTS: 'off',
    DB_POOL_SIZE: '8',
    SHUTDOWN_TIMEOUT_MS: '2000',
    TRUST_PROXY: 'on',
  };
  const ports = [await freePort(), await freePort(), await freePort()];
  apps = await Promise.all(
    ports.map(async (port) => ({ port, base: `http://127.0.0.1:${port}`, engine: await startAppProcess(port, env) })),
  );
  engines.push(...apps.map((app) => app.engine));
  frontPort = await freePort();
  front = `http://127.0.0.1:${frontPort}`;
  engines.push(await startHaproxy(haproxyBin!, frontPort, ports));
}, 90_000);

afterAll(async () => {
  await Promise.all(engines.reverse().map((engine) => engine.stop()));
  scratch.remove();
});

describe.skipIf(missing.length > 0)('HAProxy → 3 app processes → PgBouncer (transaction mode) → Postgres', () => {
  it('books, fans events out across processes, and survives a process killed under load', async () => {
    const db = createDatabase({ url: testDatabaseUrl(), poolSize: 1 });
    const { concert, concertGid, tierGids } = await createConcert(db.db, [{ capacity: 100_000 }, { capacity: 100_000 }, { capacity: 100_000 }]);
    await db.pool.end();

    // Round robin puts one WebSocket on each process. Each must be subscribed, and its process
    // LISTENing to the concert's channel (one more than it listened to before), before the booking:
    // other channels (catalogue changes) are listened to from the start, so the count alone says nothing.
    const gauges = (name: string) => Promise.all(apps.map((app) => gaugeOf(app.base, name)));
    const channelsBefore = await gauges('postgres_listen_channels');
    const subscribers = [];
    for (let i = 0; i < 3; i += 1) subscribers.push(subscriber(concertGid));
    await waitFor(async () => {
      const [open, channels] = await Promise.all([gauges('graphql_open_subscriptions'), gauges('postgres_listen_channels')]);
      return open.reduce((sum, count) => sum + count, 0) >= 3 && open.every((count, i) => count === 0 || channels[i] > channelsBefore[i]);
    });

    const first = await send(BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 2]]));
    expect(first.body?.data?.bookTickets.__typename).toBe('BookTicketsSuccess');
    const committed = Date.now();
    // Whichever process took the booking, two of the three subscribers are on other processes.
    await Promise.all(subscribers.map(({ feed }) => feed.until(() => feed.latest.get(tierGids[0]) === 99_998)));
    const crossed = Date.now() - committed;

    // Booking load through HAProxy; then one process is killed outright.
    const load = startBookingLoad(send, concertGid, tierGids, 12);
    const booked = (after = 0) => load.attempts.filter((a) => a.outcome === 'booked' && a.startedAt > after).length;
    await waitFor(() => booked() >= 60);
    const victim = apps[1];
    const killedAt = Date.now();
    victim.engine.child.kill('SIGKILL');
    await victim.engine.exited;
    await waitFor(() => booked(killedAt) >= 150, 20_000);
    await load.stop();

    const afterKill = load.attempts.filter((a) => a.startedAt + a.ms >= killedAt);
    const failed = afterKill.filter((a) => a.outcome !== 'booked');
    const recoveredMs = Math.max(0, ...failed.map((a) => a.startedAt + a.ms - killedAt));
    // The balancer routes around the dead process: a run of fresh requests all succeed.
    const after = [];
    for (let i = 0; i < 30; i += 1) after.push(await send(BOOK_TICKETS, bookingInput(concertGid, [[tierGids[i % 3], 1]])));
    expect(after.map((r) => r.body?.data?.bookTickets.__typename ?? r.network?.message)).toEqual(Array(30).fill('BookTicketsSuccess'));
    expect(failed.length).toBeLessThanOrEqual(24);

    // No committed booking is lost: every success is in the database, and the ledger adds up.
    const inDatabase = await readBookings(testDatabaseUrl(), concert.id);
    const successes = load.attempts.filter((a) => a.outcome === 'booked');
    expect(successes.filter((a) => inDatabase.get(a.key) !== a.bookingId)).toEqual([]);
    const ledger = await readLedger(testDatabaseUrl(), concert.id);
    for (const tier of ledger) expect(tier.capacity - tier.available).toBe(tier.booked);

    // The subscriber on the killed process reconnects through HAProxy to a live one and resyncs.
    const orphan = subscribers.find((s) => s.connections > 1) ?? (await Promise.race(subscribers.map((s) => s.reconnected().then(() => s))));
    const resync = await runOnce(orphan.client, {
      query: /* GraphQL */ `query ($id: ID!) { availability(concertId: $id) { id available } }`,
      variables: { id: concertGid },
    });
    for (const tier of resync.data!.availability) orphan.feed.latest.set(tier.id, tier.available);
    const final = await send(BOOK_TICKETS, bookingInput(concertGid, [[tierGids[0], 1], [tierGids[1], 1], [tierGids[2], 1]]));
    expect(final.body?.data?.bookTickets.__typename).toBe('BookTicketsSuccess');
    const settled = await readLedger(testDatabaseUrl(), concert.id);
    for (const { feed } of subscribers) {
      await feed.until(() => settled.every((tier, i) => feed.latest.get(tierGids[i]) === tier.available));
    }

    console.info(
      `topology: all 3 subscribers had the event ${crossed} ms after the booking answered; load ${JSON.stringify(countBy(load.attempts))}; ` +
        `killed app2 after ${booked() - booked(killedAt)} bookings: ${failed.length} requests failed (${JSON.stringify(countBy(failed))}), ` +
        `recovered in ${recoveredMs} ms; ${successes.length} successes all in the database; ledger ` +
        settled.map((t) => `${t.capacity}−${t.available}=${t.booked}`).join(', ') +
        `; the orphaned subscriber reconnected and resynced`,
    );
    await Promise.all(subscribers.map(async ({ feed, client }) => { feed.close(); await client.dispose(); }));
  }, 60_000);
});

async function waitFor(done: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
