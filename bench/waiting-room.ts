// The waiting-room phase: N guests join a concert's pre-queue and subscribe to its status, the
// draw happens a few seconds after the last has joined, and the line is admitted at the configured
// rate for a while. Measured: server CPU per tick (the admission period against an idle period of
// the same length with the same sockets open and the room paused), status delivery from the tick's
// `at` to each client, and the admissions themselves, checked in the database (waiting-room-checks.ts).
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createWaitingRoomConcert, globalId } from './fixtures.ts';
import { cpuSeconds, treeCpuSeconds } from './proc-stats.ts';
import { startServerProcess, type ServerSettings } from './server-process.ts';
import { LatencyHistogram, round } from './stats.ts';
import { checkAdmissions, type AdmissionChecks, type PublishedStatus } from './waiting-room-checks.ts';
import type { AdmittedClient, WaitingClientResult, WaitingClientSpec } from './waiting-room-client.ts';

export interface WaitingRoomOptions {
  databaseUrl: string;
  postgresPid: number;
  settings: ServerSettings;
  clients: number;
  /** Client processes the waiters are spread over. */
  processes: number;
  joinsPerSec: number;
  admissionsPerMinute: number;
  /** Length of the admission period, and of the idle period it is compared with. */
  admissionSec: number;
  tickMs: number;
  /** The on-sale (the draw) this long after the last waiter has joined. */
  drawDelaySec: number;
  /** Admitted clients fetch myQueueTicket for their token (its CPU then counts in the admission period). */
  fetchTickets: boolean;
  log: (message: string) => void;
}

interface Latency {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface WaitingRoomResult {
  settings: Pick<WaitingRoomOptions, 'processes' | 'joinsPerSec' | 'admissionsPerMinute' | 'tickMs' | 'drawDelaySec' | 'fetchTickets'>;
  clients: number;
  joined: number;
  connected: number;
  /** Until every guest had received its first status; the last join's answer came at join.lastJoinSec. */
  joinSec: number;
  /** Join latency: the worst of the client processes' p50 and p95. */
  /** Server CPU from the first join to the last first status ÷ guests: join, socket, subscription (and pre-queue ticks). */
  join: { lastJoinSec: number; serverMsPerGuest: number; p50Ms: number; p95Ms: number };
  joinErrors: number;
  rateLimitedJoins: number;
  reconnects: number;
  dropped: number;
  ticks: number;
  admissionSec: number;
  /** Server CPU in the admission period and in an idle period of the same length, same sockets open. */
  serverCores: { admission: number; idle: number };
  serverMsPerTick: number;
  /** Mean wall time of the server's tick transactions after the draw (waiting_room_tick_seconds). */
  tickWallMs: number;
  postgresMsPerTick: number;
  clientCores: number;
  /** The draw's tick: from its `at` to its NOTIFY reaching a LISTEN connection. */
  drawTickMs: number;
  tickToClient: Latency;
  notifyToClient: Latency;
  deliveries: number;
  expectedDeliveries: number;
  fewestTicksSeen: number;
  admitted: number;
  expectedAdmitted: number;
  /** myQueueTicket requests by admitted clients, included in the admission period's CPU. */
  ticketsFetched: number;
  maxShoppingSeen: number;
  shoppingCapBound: boolean;
  checks: AdmissionChecks;
  errorSamples: string[];
}

/**
 * The phase's sizes, from flags. 19,500 waiters is the top: the server holds one socket per waiter
 * and this sandbox allows a process 20,000 open files (ulimit -Hn), some of which go to Postgres,
 * the join connections, stdio and the listening socket (as in the fan-out phase).
 */
export function waitingRoomPlan(args: Map<string, string>, quick: boolean) {
  const number = (name: string, fallback: number) => (args.has(name) ? Number(args.get(name)) : fallback);
  return {
    clients: number('waiting-clients', quick ? 1_000 : 19_500),
    processes: number('waiting-processes', 2),
    joinsPerSec: number('waiting-join-rate', 1_000),
    admissionsPerMinute: number('waiting-rate', 1_000),
    admissionSec: number('waiting-sec', quick ? 20 : 60),
    tickMs: number('waiting-tick-ms', 1_000),
    drawDelaySec: number('waiting-draw-delay', 3),
    fetchTickets: args.get('waiting-tickets') !== '0',
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runWaitingRoom(options: WaitingRoomOptions): Promise<WaitingRoomResult> {
  const { log } = options;
  // Our own secret, so that the checks can verify the tokens the server signed.
  const authSecret = randomBytes(32).toString('base64url');
  const env = { WAITING_ROOM_TICK_MS: String(options.tickMs), WAITING_ROOM_JOINS_PER_MINUTE: String(10_000_000), AUTH_SECRET: authSecret };
  const server = await startServerProcess(options.databaseUrl, { ...options.settings, env: { ...options.settings.env, ...env } });
  const db = new pg.Client({ connectionString: options.databaseUrl });
  await db.connect();
  const children: ChildProcess[] = [];
  try {
    const concertId = await createWaitingRoomConcert(db, options.admissionsPerMinute);
    const statuses: PublishedStatus[] = [];
    let onStatus: (status: PublishedStatus) => void = () => {};
    db.on('notification', (message) => {
      const status = JSON.parse(message.payload ?? '{}') as Omit<PublishedStatus, 'at' | 'receivedAt'> & { concertId: string; at: string };
      if (status.concertId !== concertId) return;
      const published = { ...status, at: Date.parse(status.at), receivedAt: performance.timeOrigin + performance.now() };
      statuses.push(published);
      onStatus(published);
    });
    await db.query('LISTEN waiting_room_status');

    const tag = randomBytes(6).toString('hex');
    const guestIds = Array.from({ length: options.clients }, (_, index) => `bench-waiter-${tag}-${index}`);
    log(`  ${options.clients} guests join over ~${Math.ceil(options.clients / options.joinsPerSec)} s from ${options.processes} client processes, each then subscribes`);
    const cpu = () => ({
      server: treeCpuSeconds(server.pid),
      postgres: treeCpuSeconds(options.postgresPid),
      clients: children.reduce((total, child) => total + cpuSeconds(child.pid!), 0),
      at: performance.now(),
    });
    const joinStart = cpu();
    const results = Array.from({ length: options.processes }, (_, index) => {
      const child = fork(fileURLToPath(new URL('./waiting-room-client.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      children.push(child);
      const spec: WaitingClientSpec = {
        httpUrl: server.url,
        databaseUrl: options.databaseUrl,
        concertGid: globalId('Concert', concertId),
        concertId,
        guestIds: guestIds.filter((_, guest) => guest % options.processes === index),
        joinsPerSec: options.joinsPerSec / options.processes,
        fetchTickets: options.fetchTickets,
      };
      let onReady: (ready: Record<string, number>) => void = () => {};
      const ready = new Promise<Record<string, number>>((resolve) => (onReady = resolve));
      const result = new Promise<WaitingClientResult>((resolve, reject) => {
        child.on('message', (message: { ready?: Record<string, number>; result?: WaitingClientResult; error?: string }) => {
          if (message.ready) onReady(message.ready);
          else if (message.result) resolve(message.result);
          else if (message.error) reject(new Error(message.error));
        });
        child.once('exit', (code) => code !== 0 && reject(new Error(`waiting-room client exited with code ${code}`)));
      });
      child.send(spec);
      return { child, ready, result };
    });
    const ready = await Promise.all(results.map((r) => r.ready));
    const joinEnd = cpu();
    const sum = (key: string) => ready.reduce((total, r) => total + r[key], 0);
    const joinSec = round(Math.max(...ready.map((r) => r.joinSec)));
    const join = {
      lastJoinSec: round(Math.max(...ready.map((r) => r.lastJoinSec))),
      serverMsPerGuest: round(((joinEnd.server - joinStart.server) * 1000) / Math.max(1, sum('joined'))),
      p50Ms: Math.max(...ready.map((r) => r.joinP50Ms)), p95Ms: Math.max(...ready.map((r) => r.joinP95Ms)) };
    log(`  ${sum('joined')} joined in ${join.lastJoinSec} s (join p50 ${join.p50Ms} ms, p95 ${join.p95Ms} ms, ${sum('joinErrors')} errors, ${sum('rateLimited')} rate-limited retries), ${sum('connected')} subscribed (${sum('reconnects')} handshakes retried) after ${joinSec} s; server ${join.serverMsPerGuest} ms CPU per guest (join + socket + subscription)`);

    // The on-sale a few seconds from now: the next tick after it draws everyone's place.
    const drawn = new Promise<PublishedStatus>((resolve) => (onStatus = (status) => status.drawn && resolve(status)));
    await db.query(`UPDATE concerts SET on_sale_at = now() + make_interval(secs => $2) WHERE id = $1`, [concertId, options.drawDelaySec]);
    const draw = await drawn;
    onStatus = () => {};
    const admissionStart = cpu();
    const ticksBefore = await server.tickTimes();
    log(`  drawn: ${draw.lastPlace} places; admitting ${options.admissionsPerMinute}/min for ${options.admissionSec} s`);
    await sleep(options.admissionSec * 1000);
    // Paused: no tick touches the room after this commits (a tick in flight holds its row lock).
    await db.query('UPDATE waiting_rooms SET enabled = false WHERE concert_id = $1', [concertId]);
    const admissionEnd = cpu();
    const ticksAfter = await server.tickTimes();
    const toAt = Math.max(...statuses.map((status) => status.at));
    const ticks = statuses.filter((status) => status.at >= draw.at && status.at <= toAt).length;

    // Deliveries of the last tick and the last ticket fetches land; then the same sockets, idle.
    await sleep(2_000);
    const idleStart = cpu();
    await sleep(admissionEnd.at - admissionStart.at);
    const idleEnd = cpu();

    for (const { child } of results) child.send({ fromAt: draw.at, toAt });
    const clientResults = await Promise.all(results.map((r) => r.result));
    const admitted: AdmittedClient[] = clientResults.flatMap((r) => r.admitted);
    const clientDecreases = clientResults.reduce((total, r) => total + r.decreases, 0);
    const checks = await checkAdmissions({ databaseUrl: options.databaseUrl, concertId, authSecret, statuses, admitted, clientDecreases });

    const seconds = (admissionEnd.at - admissionStart.at) / 1000;
    const used = (key: 'server' | 'postgres' | 'clients', from: ReturnType<typeof cpu>, to: ReturnType<typeof cpu>) => to[key] - from[key];
    const perTick = (key: 'server' | 'postgres') => round(((used(key, admissionStart, admissionEnd) - used(key, idleStart, idleEnd)) * 1000) / ticks);
    const histogram = (key: 'tickToClient' | 'notifyToClient') => {
      const merged = new LatencyHistogram();
      for (const r of clientResults) merged.merge(r[key]);
      return { p50Ms: merged.quantile(0.5), p95Ms: merged.quantile(0.95), p99Ms: merged.quantile(0.99), maxMs: merged.quantile(1) };
    };
    const connected = sum('connected');
    const maxShoppingSeen = Math.max(0, ...statuses.map((status) => status.shopping));
    const { processes, joinsPerSec, admissionsPerMinute, tickMs, drawDelaySec, fetchTickets } = options;
    return {
      settings: { processes, joinsPerSec, admissionsPerMinute, tickMs, drawDelaySec, fetchTickets },
      clients: options.clients,
      joined: sum('joined'),
      connected,
      joinSec,
      join,
      joinErrors: sum('joinErrors'),
      rateLimitedJoins: sum('rateLimited'),
      reconnects: sum('reconnects'),
      dropped: clientResults.reduce((total, r) => total + r.dropped, 0),
      ticks,
      admissionSec: round(seconds),
      serverCores: { admission: round(used('server', admissionStart, admissionEnd) / seconds), idle: round(used('server', idleStart, idleEnd) / seconds) },
      serverMsPerTick: perTick('server'),
      tickWallMs: ticksBefore && ticksAfter ? round(((ticksAfter.sum - ticksBefore.sum) * 1000) / Math.max(1, ticksAfter.count - ticksBefore.count)) : NaN,
      postgresMsPerTick: perTick('postgres'),
      clientCores: round(used('clients', admissionStart, admissionEnd) / seconds),
      drawTickMs: round(draw.receivedAt - draw.at),
      tickToClient: histogram('tickToClient'),
      notifyToClient: histogram('notifyToClient'),
      deliveries: clientResults.reduce((total, r) => total + r.deliveries, 0),
      expectedDeliveries: connected * ticks,
      fewestTicksSeen: Math.min(...clientResults.map((r) => r.fewestTicksSeen)),
      admitted: checks.details.admittedEntries,
      ticketsFetched: checks.details.ticketsFetched,
      expectedAdmitted: Math.floor((options.admissionsPerMinute * (toAt - draw.at)) / 60_000),
      maxShoppingSeen,
      shoppingCapBound: statuses.some((status) => status.drawn && status.shopping >= status.maxShopping),
      checks,
      errorSamples: clientResults.flatMap((r) => r.errorSamples).slice(0, 5),
    };
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
    await db.end();
    await server.stop();
  }
}
