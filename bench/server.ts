// The server under test, as its own process. It is main.ts minus the embedded database, migrations
// and seeding (the bench prepared all of that), plus the booking options the bench compares.
import { buildApp } from '../server/src/app.ts';

// Counts every statement the app's queries send through the query log (drizzle's queries and the
// compiled booking batch alike), so the bench can report SQL statements per request.
let statements = 0;
process.on('message', (message: { statements?: boolean; memory?: boolean; fanoutTimes?: boolean; tickTimes?: boolean; catalogueResults?: boolean }) => {
  if (message.statements) process.send!({ statements });
  // The server's own part of a change's latency (NOTIFY → every socket written), summed so far.
  if (message.fanoutTimes) void histogramTotals('availability_fanout_seconds').then((fanoutTimes) => process.send!({ fanoutTimes }));
  // Wall time of the waiting-room ticks that worked on a room, summed so far.
  if (message.tickTimes) void histogramTotals('waiting_room_tick_seconds').then((tickTimes) => process.send!({ tickTimes }));
  // Guests' catalogue queries answered from a kept result, and executed, so far.
  if (message.catalogueResults) void counterTotals('catalogue_results_total', 'outcome').then((catalogueResults) => process.send!({ catalogueResults }));
  if (message.memory) {
    // Started with --expose-gc: memory per subscriber is then live memory, not garbage not yet collected.
    (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    process.send!({ memory: { rss, heapUsed } });
  }
});

const env = process.env;
const optional = (name: string) => (env[name] ? Number(env[name]) : undefined);

const app = buildApp({
  databaseUrl: env.DATABASE_URL!,
  poolSize: optional('DB_POOL_SIZE'),
  production: env.NODE_ENV === 'production',
  // Production refuses to run without one; the bench's sessions and booking links are throwaway.
  authSecret: env.AUTH_SECRET || 'bench-only-auth-secret-of-32-characters-or-more',
  onQuery: () => {
    statements += 1;
  },
  booking: {
    maxConcurrentBatches: optional('BOOKING_MAX_CONCURRENT_BATCHES'),
    maxBatchSize: optional('BOOKING_MAX_BATCH_SIZE'),
  },
  log: { info: () => {}, warn: (msg) => console.error(msg), error: (msg) => console.error(msg) },
  // The fan-out bench opens thousands of sockets from one loopback address.
  webSockets: { maxSocketsPerAddress: 0 },
  // The waiting-room phase: its tick interval, and the per-address join quota (60 a minute by
  // default), which every one of its thousands of guests, all on 127.0.0.1, would otherwise share.
  waitingRoomTickMs: optional('WAITING_ROOM_TICK_MS'),
  joinQuota: env.WAITING_ROOM_JOINS_PER_MINUTE ? { max: Number(env.WAITING_ROOM_JOINS_PER_MINUTE), windowMs: 60_000 } : undefined,
});
async function counterTotals(name: string, label: string) {
  const { values } = await app.metrics.registry.getSingleMetric(name)!.get();
  return Object.fromEntries(values.map((value) => [String(value.labels[label]), value.value]));
}
async function histogramTotals(name: string) {
  const { values } = await app.metrics.registry.getSingleMetric(name)!.get();
  const pick = (suffix: string) => values.find((value) => (value as { metricName?: string }).metricName === `${name}_${suffix}`)?.value ?? 0;
  return { sum: pick('sum'), count: pick('count') };
}

// The orchestrator chose the port and waits for /ready.
await app.start(Number(env.PORT), '127.0.0.1');

process.on('SIGTERM', () => {
  void app.stop().finally(() => process.exit(0));
});
