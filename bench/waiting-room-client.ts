// Waiting shoppers for the waiting-room phase, in a process of their own (the orchestrator forks a
// few; see waiting-room.ts). Each is a guest with its own x-guest-id, sent on the HTTP join and on
// the WebSocket upgrade (the server reads a socket's identity from the upgrade request), which
// joins, subscribes to the room's status, and, once a status admits its place, fetches its ticket
// for the admission token. Each status received is timed against the `at` it carries (the tick's
// time on Postgres' clock, the same machine's clock as ours) and against this process's own LISTEN.
import pg from 'pg';
import WebSocket from 'ws';
import { guestHttp } from './guest-http.ts';
import { LatencyHistogram } from './stats.ts';

export interface WaitingClientSpec {
  httpUrl: string;
  databaseUrl: string;
  concertGid: string;
  concertId: string;
  guestIds: string[];
  /** This process's share of the join rate. */
  joinsPerSec: number;
  /** Admitted clients fetch their ticket (myQueueTicket) for the token; off, they only note their admission. */
  fetchTickets: boolean;
}

export interface AdmittedClient {
  guestId: string;
  place: number;
  /** The ticket's status; NOT_FETCHED when tickets are not fetched. */
  status: string;
  token: string | null;
}

export interface WaitingClientResult {
  joined: number;
  connected: number;
  joinErrors: number;
  rateLimited: number;
  errorSamples: string[];
  /** Sockets that closed before the end, and handshakes retried. */
  dropped: number;
  reconnects: number;
  /** Status → receipt, from the tick's `at`, and from this process's LISTEN receiving the NOTIFY. */
  tickToClient: [number, number][];
  notifyToClient: [number, number][];
  /** Statuses received in the window, and how many ticks each subscriber saw at least. */
  deliveries: number;
  fewestTicksSeen: number;
  /** admittedThrough went down, or `at` went back, between two statuses on one socket. */
  decreases: number;
  admitted: AdmittedClient[];
}

// The waiting-room page's selection (waiting-room-api.md).
const STATUS = /* GraphQL */ `subscription Status($concertId: ID!) {
  waitingRoomStatusChanged(concertId: $concertId) {
    enabled drawn admittedThrough lastPlace admissionsPerMinute waiting shopping maxShopping opensAt drawsAt at
  }
}`;

interface Waiter {
  guestId: string;
  place: number | null;
  ats: number[];
  times: number[];
  lastAdmitted: number;
  lastAt: number;
  fetching: boolean;
}

const now = () => performance.timeOrigin + performance.now();
const errorSamples: string[] = [];
const sample = (message: string) => errorSamples.length < 5 && errorSamples.push(message.slice(0, 300));

async function main(spec: WaitingClientSpec) {
  const guests = guestHttp(spec.httpUrl, spec.concertGid);
  const wsUrl = spec.httpUrl.replace(/^http/, 'ws');
  const counts = { joined: 0, connected: 0, joinErrors: 0, rateLimited: 0, reconnects: 0, decreases: 0, dropped: 0 };
  const admitted: AdmittedClient[] = [];
  const waiters: Waiter[] = spec.guestIds.map((guestId) => ({ guestId, place: null, ats: [], times: [], lastAdmitted: 0, lastAt: 0, fetching: false }));
  const byGuest = new Map(waiters.map((waiter) => [waiter.guestId, waiter]));

  const listener = new pg.Client({ connectionString: spec.databaseUrl });
  await listener.connect();
  const noticeTimes = new Map<number, number>();
  listener.on('notification', (message) => {
    const status = JSON.parse(message.payload ?? '{}') as { concertId?: string; at?: string };
    if (status.concertId === spec.concertId && status.at) noticeTimes.set(Date.parse(status.at), now());
  });
  await listener.query('LISTEN waiting_room_status');

  // After the draw, every waiter's place, read once for the whole process: the page would re-fetch
  // its ticket (20,000 requests at once); here only the admitted ones ask the server.
  let places: Promise<void> | null = null;
  let admittedThrough = 0;
  const loadPlaces = () =>
    (places ??= listener
      .query<{ identity: string; place: number }>('SELECT identity, place FROM waiting_room_entries WHERE concert_id = $1 AND place IS NOT NULL', [spec.concertId])
      .then(({ rows }) => {
        for (const row of rows) {
          const waiter = byGuest.get(row.identity.replace(/^guest:/, ''));
          if (waiter) waiter.place = row.place;
        }
        for (const waiter of waiters) maybeFetch(waiter);
      }));

  function maybeFetch(waiter: Waiter) {
    if (waiter.place === null || waiter.place > admittedThrough || waiter.fetching) return;
    waiter.fetching = true;
    if (!spec.fetchTickets) return void admitted.push({ guestId: waiter.guestId, place: waiter.place, status: 'NOT_FETCHED', token: null });
    guests.ticket(waiter.guestId).then(
      ({ status, token, body }) => {
        if (status === 'MISSING') sample(`myQueueTicket: ${body}`);
        admitted.push({ guestId: waiter.guestId, place: waiter.place!, status, token });
      },
      (error: Error) => {
        sample(`myQueueTicket: ${error.message}`);
        admitted.push({ guestId: waiter.guestId, place: waiter.place!, status: 'ERROR', token: null });
      },
    );
  }

  function onStatus(waiter: Waiter, text: string) {
    const received = now();
    const atStart = text.indexOf('"at":"') + 6;
    const at = Date.parse(text.slice(atStart, text.indexOf('"', atStart)));
    const through = Number.parseInt(text.slice(text.indexOf('"admittedThrough":') + 18), 10);
    if (through < waiter.lastAdmitted || at < waiter.lastAt) counts.decreases += 1;
    waiter.lastAdmitted = through;
    waiter.lastAt = at;
    waiter.ats.push(at);
    waiter.times.push(received);
    if (through > admittedThrough) admittedThrough = through;
    if (text.includes('"drawn":true')) void (places ? maybeFetch(waiter) : loadPlaces());
  }

  function connect(waiter: Waiter) {
    return new Promise<void>((resolve, reject) => {
      const socket = new WebSocket(wsUrl, 'graphql-transport-ws', { headers: { 'x-guest-id': waiter.guestId } });
      let ready = false;
      socket.once('error', (error) => (ready ? sample(`socket: ${error.message}`) : reject(error)));
      socket.once('close', (code) => (ready ? !stopping && (counts.dropped += 1) : reject(new Error(`closed with ${code} before a status`))));
      socket.once('open', () => socket.send('{"type":"connection_init"}'));
      socket.on('message', (data) => {
        const text = data.toString();
        if (text.includes('"waitingRoomStatusChanged"')) {
          onStatus(waiter, text);
          // The first status proves the subscription is live: the pre-queue ticks every second.
          if (!ready) resolve(void (ready = true));
        } else if (text.includes('"connection_ack"')) {
          socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: STATUS, variables: { concertId: spec.concertGid } } }));
        } else if (text.includes('"ping"')) socket.send('{"type":"pong"}');
        else if (!text.includes('"pong"')) sample(`socket message: ${text}`);
      });
      sockets.push(socket);
    });
  }

  async function join(waiter: Waiter) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const outcome = await guests.join(waiter.guestId);
      if (outcome.joined) return true;
      if (outcome.retryAfterSec === undefined) return sample(`join: ${outcome.body}`), false;
      counts.rateLimited += 1;
      await new Promise((resolve) => setTimeout(resolve, outcome.retryAfterSec! * 1000));
    }
    return false;
  }

  const sockets: WebSocket[] = [];
  let stopping = false;
  const started = performance.now();
  const joinLatency = new LatencyHistogram();
  let lastJoined = started;
  // Paced: one join every 1/joinsPerSec seconds, each followed by its own socket.
  await Promise.all(
    waiters.map(async (waiter, index) => {
      await new Promise((resolve) => setTimeout(resolve, (index * 1000) / spec.joinsPerSec));
      const asked = performance.now();
      if (!(await join(waiter))) return void (counts.joinErrors += 1);
      joinLatency.add((lastJoined = performance.now()) - asked);
      counts.joined += 1;
      // Refused or reset handshakes (a full accept queue on a starved server) retry, as a page would.
      for (let attempt = 1; attempt <= 5; attempt++) {
        const error = await connect(waiter).then(() => null, (failure: Error) => failure);
        if (!error) return void (counts.connected += 1);
        sample(`connect, attempt ${attempt}: ${error.message}`);
        counts.reconnects += 1;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }),
  );
  const joinSec = (performance.now() - started) / 1000;
  process.send!({ ready: { ...counts, joinSec, lastJoinSec: (lastJoined - started) / 1000, joinP50Ms: joinLatency.quantile(0.5), joinP95Ms: joinLatency.quantile(0.95) } });

  const window = await new Promise<{ fromAt: number; toAt: number }>((resolve) => process.once('message', resolve));
  stopping = true;
  const tickToClient = new LatencyHistogram();
  const notifyToClient = new LatencyHistogram();
  let deliveries = 0;
  let fewestTicksSeen = Infinity;
  for (const waiter of waiters) {
    let seen = 0;
    waiter.ats.forEach((at, index) => {
      if (at < window.fromAt || at > window.toAt) return;
      seen += 1;
      tickToClient.add(waiter.times[index] - at);
      const notice = noticeTimes.get(at);
      if (notice !== undefined) notifyToClient.add(waiter.times[index] - notice);
    });
    deliveries += seen;
    if (waiter.times.length > 0) fewestTicksSeen = Math.min(fewestTicksSeen, seen);
  }
  for (const socket of sockets) socket.terminate();
  await listener.end();
  const result: WaitingClientResult = {
    ...counts,
    errorSamples,
    tickToClient: tickToClient.entries(),
    notifyToClient: notifyToClient.entries(),
    deliveries,
    fewestTicksSeen: Number.isFinite(fewestTicksSeen) ? fewestTicksSeen : 0,
    admitted,
  };
  return result;
}

process.once('message', (spec: WaitingClientSpec) => {
  main(spec).then(
    (result) => process.send!({ result }, () => process.exit(0)),
    (error: Error) => process.send!({ error: error.stack ?? String(error) }, () => process.exit(1)),
  );
});
