// graphql-ws subscribers, ramped in steps, in a process of their own. At each step, bookings are
// made one at a time on the watched tier and every subscriber's delivery is timed from the moment
// Postgres delivered the commit's NOTIFY to this process's own LISTEN connection: the earliest
// moment a client can observe the commit, on the same clock as the WebSocket receipts.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import WebSocket from 'ws';
import { treeCpuSeconds } from './proc-stats.ts';

interface ServerMemory {
  rss: number;
  heapUsed: number;
}

/** The orchestrator asks the server and answers; see fanout.ts. */
function askServer<T>(kind: 'memory' | 'fanoutTimes'): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (message: Record<string, unknown>) => {
      if (!(kind in message)) return;
      process.off('message', onMessage);
      resolve(message[kind] as T);
    };
    process.on('message', onMessage);
    process.send!({ [kind]: true });
  });
}
/** Memory after a full GC. */
const serverMemory = () => askServer<ServerMemory>('memory');
/** NOTIFY → last socket written, summed over changes; null from a server without the bench's hook. */
const serverFanoutTimes = () => askServer<{ sum: number; count: number } | null>('fanoutTimes');

export interface FanoutSpec {
  httpUrl: string;
  databaseUrl: string;
  concertGid: string;
  concertId: string;
  tierGid: string;
  tierId: string;
  /** The partner key the probe bookings are made with. */
  apiKey: string;
  /** The server's process; CPU is summed over it and its children (a cluster primary's workers). */
  serverPid: number;
  steps: number[];
  probesPerStep: number;
  probeIntervalMs: number;
  /** Stop ramping once a step's p99 passes this, or the server's memory passes maxServerRss. */
  maxP99Ms: number;
  maxServerRss: number;
}

export interface FanoutStep {
  subscribers: number;
  connected: number;
  deliveries: number;
  missed: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  serverRssBytes: number;
  /** Growth of the server's RSS (after a full GC) since before the first subscriber, per subscriber. */
  bytesPerSubscriber: number;
  heapBytesPerSubscriber: number;
  serverCores: number;
  /** Server CPU per delivered message: what one more subscriber costs per availability change. */
  serverUsPerDelivery: number;
  clientCores: number;
  /**
   * Mean over the step's changes of the server's own part of the latency: from its LISTEN connection
   * receiving the NOTIFY to the end of the loop that wrote the change to every socket (NaN for main.ts).
   */
  serverFanoutMs: number;
  /** The subscriber process's CPU per delivered message: it shares the server's two cores. */
  clientUsPerDelivery: number;
}

const SUBSCRIPTION = /* GraphQL */ `subscription Availability($concertId: ID!) {
  availabilityChanged(concertId: $concertId) { id available capacity }
}`;
const BOOK = /* GraphQL */ `mutation Book($input: BookTicketsInput!) {
  bookTickets(input: $input) { __typename }
}`;

/** What one subscriber received: arrival times and availability values, in order. */
interface Subscriber {
  socket: WebSocket;
  times: number[];
  values: number[];
}
let lastArrival = 0;

function subscribe(wsUrl: string, concertGid: string): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
    const subscriber: Subscriber = { socket, times: [], values: [] };
    socket.once('error', reject);
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.on('message', (data) => {
      const text = data.toString();
      // Parsing only the number keeps the client's CPU out of the way of the server's.
      const at = text.indexOf('"available":');
      if (at >= 0) {
        subscriber.values.push(Number.parseInt(text.slice(at + 12, at + 24), 10));
        subscriber.times.push((lastArrival = performance.now()));
        return;
      }
      if (text.includes('"connection_ack"')) {
        // A fresh id per subscription, as graphql-ws's own client and Apollo's make.
        socket.send(JSON.stringify({ id: randomUUID(), type: 'subscribe', payload: { query: SUBSCRIPTION, variables: { concertId: concertGid } } }));
        resolve(subscriber);
      } else if (text.includes('"ping"')) socket.send('{"type":"pong"}');
    });
  });
}

async function connectMore(sockets: Subscriber[], target: number, spec: FanoutSpec) {
  const wsUrl = spec.httpUrl.replace(/^http/, 'ws');
  // A few hundred handshakes in flight at a time: fast, without a SYN flood on loopback.
  while (sockets.length < target) {
    const batch = Math.min(250, target - sockets.length);
    const opened = await Promise.allSettled(Array.from({ length: batch }, () => subscribe(wsUrl, spec.concertGid)));
    for (const result of opened) if (result.status === 'fulfilled') sockets.push(result.value);
    if (opened.every((result) => result.status === 'rejected')) break;
  }
}

async function book(spec: FanoutSpec, key: string) {
  const response = await fetch(spec.httpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': spec.apiKey },
    body: JSON.stringify({
      query: BOOK,
      variables: { input: { concertId: spec.concertGid, items: [{ tierId: spec.tierGid, quantity: 1 }], customerEmail: 'fan@example.com', idempotencyKey: key } },
    }),
  });
  const body = await response.text();
  if (!body.includes('BookTicketsSuccess')) throw new Error(`probe booking failed: ${body}`);
}

async function main(spec: FanoutSpec) {
  const listener = new pg.Client({ connectionString: spec.databaseUrl });
  await listener.connect();
  const noticeTimes: number[] = [];
  listener.on('notification', () => noticeTimes.push(performance.now()));
  await listener.query(`LISTEN "availabilityChanged:${spec.concertId}"`);
  const tier = await listener.query<{ available: number }>('SELECT available FROM ticket_tiers WHERE id = $1', [spec.tierId]);
  let available = tier.rows[0].available;

  const baseline = await serverMemory();
  const sockets: Subscriber[] = [];
  const steps: FanoutStep[] = [];
  let probe = 0;
  // Until deliveries have stopped for a second (at most 15 s): a slow fan-out is measured, not cut off.
  const settle = async () => {
    const deadline = performance.now() + 15_000;
    lastArrival = performance.now();
    do await new Promise((resolve) => setTimeout(resolve, 250));
    while (performance.now() - lastArrival < 1_000 && performance.now() < deadline);
  };

  for (const target of spec.steps) {
    await connectMore(sockets, target, spec);
    // One booking first, unmeasured: every subscription is then live and LISTEN is in place.
    await book(spec, `fanout-${process.pid}-${probe++}`);
    available -= 1;
    await settle();
    for (const subscriber of sockets) subscriber.times.length = subscriber.values.length = 0;
    noticeTimes.length = 0;

    const memory = await serverMemory();
    const fanoutBefore = await serverFanoutTimes();
    const serverCpu = treeCpuSeconds(spec.serverPid);
    const clientCpu = process.cpuUsage();
    const started = performance.now();
    const values: number[] = [];
    for (let i = 0; i < spec.probesPerStep; i++) {
      const next = performance.now() + spec.probeIntervalMs;
      await book(spec, `fanout-${process.pid}-${probe++}`);
      available -= 1;
      values.push(available);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
    }
    await settle();
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(clientCpu);
    const serverCpuSeconds = treeCpuSeconds(spec.serverPid) - serverCpu;
    const fanoutAfter = await serverFanoutTimes();

    // The feed re-reads rows, so a subscriber that falls behind may get a newer availability in place
    // of an older one: a commit counts as delivered with the first value at or below the one it made.
    const latencies: number[] = [];
    for (const subscriber of sockets) {
      let next = 0;
      values.forEach((value, index) => {
        while (next < subscriber.values.length && subscriber.values[next] > value) next++;
        if (next < subscriber.values.length) latencies.push(subscriber.times[next] - noticeTimes[index]);
      });
    }
    latencies.sort((a, b) => a - b);
    const at = (q: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN);
    const step: FanoutStep = {
      subscribers: target,
      connected: sockets.length,
      deliveries: latencies.length,
      missed: sockets.length * values.length - latencies.length,
      p50Ms: at(0.5),
      p95Ms: at(0.95),
      p99Ms: at(0.99),
      serverRssBytes: memory.rss,
      bytesPerSubscriber: Math.round((memory.rss - baseline.rss) / sockets.length),
      heapBytesPerSubscriber: Math.round((memory.heapUsed - baseline.heapUsed) / sockets.length),
      serverCores: round(serverCpuSeconds / seconds),
      serverUsPerDelivery: Math.round((serverCpuSeconds * 1e6) / Math.max(1, latencies.length)),
      serverFanoutMs: fanoutBefore && fanoutAfter ? round(((fanoutAfter.sum - fanoutBefore.sum) * 1000) / Math.max(1, fanoutAfter.count - fanoutBefore.count)) : NaN,
      clientCores: round((cpu.user + cpu.system) / 1e6 / seconds),
      clientUsPerDelivery: Math.round((cpu.user + cpu.system) / Math.max(1, latencies.length)),
    };
    steps.push(step);
    process.send!({ progress: step });
    if (step.p99Ms > spec.maxP99Ms || memory.rss > spec.maxServerRss || sockets.length < target) break;
  }

  for (const subscriber of sockets) subscriber.socket.terminate();
  await listener.end();
  return { baselineRssBytes: baseline.rss, steps };
}

const round = (value: number) => Math.round(value * 100) / 100;

process.once('message', (spec: FanoutSpec) => {
  main(spec).then(
    (result) => process.send!({ result }, () => process.exit(0)),
    (error: Error) => process.send!({ error: error.stack ?? String(error) }, () => process.exit(1)),
  );
});
