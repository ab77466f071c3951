// `npm run bench [-- --quick] [-- --only=hot,pgbench] [-- --label=name]`: starts a durable Postgres and
// the server in production mode, runs each phase, prints a table and writes bench/results/*.json.
// Server settings can be varied to compare ideas: --batch-size=N --concurrent-batches=N --pool=N, and
// --server-root=DIR measures the server of another checkout (a git worktree of an earlier commit).
import { fileURLToPath } from 'node:url';
import { runAnalytics } from './analytics.ts';
import { createAnalyticsFixture } from './analytics-fixture.ts';
import { runBaseline, serverUsPerRequest } from './baseline.ts';
import { runCancellation } from './cancellation.ts';
import { runCatalogue } from './catalogue.ts';
import { runOnsalePage } from './onsale-page.ts';
import { fanoutSpec, runFanout } from './fanout.ts';
import { runFanoutProcesses } from './fanout-processes.ts';
import type { FanoutStep } from './fanout-client.ts';
import { createFixtures } from './fixtures.ts';
import { runBookingLoad } from './hot-tier.ts';
import { runPaid } from './paid.ts';
import { runProcessComparison } from './processes.ts';
import { printProcesses } from './report-processes.ts';
import { findPgbench, runPgbench } from './pgbench.ts';
import { DURABLE_SETTINGS, postgresVersion, startBenchPostgres } from './postgres.ts';
import { describeFanoutStep, describeMachine, printTable, writeResults, type Results } from './report.ts';
import { startServerProcess } from './server-process.ts';
import { args, CLIENTS, fanoutProcessCounts, number, phases, plan, processCounts, quick, resultsFileName, settings } from './run-options.ts';
import { median, round } from './stats.ts';
import { runWaitingRoom, waitingRoomPlan } from './waiting-room.ts';

const started = performance.now();
const log = (message: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0)}s] ${message}`);
if (phases.has('pgbench')) findPgbench(); // fail (or install it) before spending a minute on the other phases
const postgres = await startBenchPostgres();
// Until the main try/finally below owns it, a failed start must not leave the cluster running.
const { fixtures, analyticsFixture, firstServer } = await (async () => {
  try {
    const prepared = await createFixtures(postgres.url);
    // Optional (--only=analytics): a million bookings take a minute or two to write and roll up.
    const analytics = phases.has('analytics') ? await createAnalyticsFixture(postgres.url, number('analytics-bookings') ?? 1_000_000, log) : undefined;
    return { fixtures: prepared, analyticsFixture: analytics, firstServer: await startServerProcess(postgres.url, settings) };
  } catch (error) {
    await postgres.stop();
    throw error;
  }
})();
let server = firstServer;
const pids = { server: server.pid, postgres: postgres.pid(), statements: () => server.statements() };
const results: Results = {
  machine: describeMachine(await postgresVersion(postgres.url)),
  mode: quick ? 'quick' : 'full',
  startedAt: new Date().toISOString(),
  settings: { clients: CLIENTS, ...plan, server: settings, postgres: DURABLE_SETTINGS, nodeEnv: 'production' },
};

try {
  const baselineRounds: Awaited<ReturnType<typeof runBaseline>>[] = [];
  const hotRounds: Awaited<ReturnType<typeof runBookingLoad>>[] = [];
  const unlimitedRounds: Awaited<ReturnType<typeof runBookingLoad>>[] = [];
  const holdRounds: Awaited<ReturnType<typeof runBookingLoad>>[] = [];
  const pgbenchRounds: Awaited<ReturnType<typeof runPgbench>>[] = [];
  for (let round = 1; round <= plan.rounds && (phases.has('baseline') || phases.has('hot') || phases.has('hot-unlimited') || phases.has('hold') || phases.has('pgbench')); round++) {
    // The floor of the same server, clients and rounds: `{ __typename }`, no resolver, no SQL.
    if (phases.has('baseline')) {
      log(`baseline, round ${round}/${plan.rounds}: { __typename }, ${CLIENTS} clients, ${plan.durationSec}s`);
      const warmupSec = round === 1 ? plan.warmupSec : 0;
      baselineRounds.push(await runBaseline({ url: server.url, connections: CLIENTS, durationSec: plan.durationSec, warmupSec, pids }));
      log(`  ${baselineRounds.at(-1)!.result.perSec} req/s, p95 ${baselineRounds.at(-1)!.result.p95Ms} ms, ${serverUsPerRequest(baselineRounds.at(-1)!)} µs server CPU/request`);
    }
    if (phases.has('hot')) {
      log(`hot tier, round ${round}/${plan.rounds}: ${CLIENTS} clients, 1 tier, ${plan.durationSec}s`);
      const warmupSec = round === 1 ? plan.warmupSec : 0;
      hotRounds.push(await runBookingLoad({ url: server.url, databaseUrl: postgres.url, fixture: fixtures.hot, connections: CLIENTS, durationSec: plan.durationSec, warmupSec, pids, apiKey: fixtures.partnerKeys.limited }));
      log(`  ${hotRounds.at(-1)!.result.perSec} bookings/s, p95 ${hotRounds.at(-1)!.result.p95Ms} ms, ${serverUsPerRequest(hotRounds.at(-1)!)} µs server CPU/request`);
    }
    if (phases.has('hot-unlimited')) {
      // The same bookings with a key that has no quota: what the limiter's hit per request costs.
      log(`hot tier, key without quota, round ${round}/${plan.rounds}: ${CLIENTS} clients, 1 tier, ${plan.durationSec}s`);
      const warmupSec = round === 1 && !phases.has('hot') ? plan.warmupSec : 0;
      unlimitedRounds.push(await runBookingLoad({ url: server.url, databaseUrl: postgres.url, fixture: fixtures.hot, connections: CLIENTS, durationSec: plan.durationSec, warmupSec, pids, apiKey: fixtures.partnerKeys.unlimited }));
      log(`  ${unlimitedRounds.at(-1)!.result.perSec} bookings/s, p95 ${unlimitedRounds.at(-1)!.result.p95Ms} ms, ${serverUsPerRequest(unlimitedRounds.at(-1)!)} µs server CPU/request`);
    }
    if (phases.has('hold')) {
      // Alternating with the bookTickets rounds, so a burst of other load hits both alike.
      log(`holds on the hot tier, round ${round}/${plan.rounds}: ${CLIENTS} clients, ${plan.durationSec}s`);
      const warmupSec = round === 1 && !phases.has('hot') ? plan.warmupSec : 0;
      holdRounds.push(await runBookingLoad({ mode: 'hold', url: server.url, databaseUrl: postgres.url, fixture: fixtures.hot, connections: CLIENTS, durationSec: plan.durationSec, warmupSec, pids, apiKey: fixtures.partnerKeys.limited }));
      log(`  ${holdRounds.at(-1)!.result.perSec} holds/s, p95 ${holdRounds.at(-1)!.result.p95Ms} ms`);
    }
    if (phases.has('pgbench')) {
      log(`pgbench, round ${round}/${plan.rounds}: one hot row, ${CLIENTS} clients, ${plan.durationSec}s`);
      pgbenchRounds.push(await runPgbench(postgres, number('pgbench-clients') ?? CLIENTS, plan.durationSec));
      log(`  ${pgbenchRounds.at(-1)!.tps} TPS`);
    }
  }
  if (baselineRounds.length > 0) {
    const pick = (get: (r: (typeof baselineRounds)[number]) => number) => median(baselineRounds.map(get));
    results.baseline = {
      reqPerSec: pick((r) => r.result.perSec),
      p50Ms: pick((r) => r.result.p50Ms),
      p95Ms: pick((r) => r.result.p95Ms),
      p99Ms: pick((r) => r.result.p99Ms),
      errors: baselineRounds.reduce((sum, r) => sum + r.result.errors, 0),
      serverUsPerRequest: pick(serverUsPerRequest),
      cores: baselineRounds[Math.floor(baselineRounds.length / 2)].cores,
      rounds: baselineRounds.map((r) => ({ reqPerSec: r.result.perSec, p95Ms: r.result.p95Ms, serverUsPerRequest: serverUsPerRequest(r), cores: r.cores })),
    };
  }
  if (hotRounds.length > 0) {
    const pick = (get: (r: (typeof hotRounds)[number]) => number) => median(hotRounds.map(get));
    results.hotTier = {
      bookingsPerSec: pick((r) => r.result.perSec),
      p50Ms: pick((r) => r.result.p50Ms),
      p95Ms: pick((r) => r.result.p95Ms),
      p99Ms: pick((r) => r.result.p99Ms),
      errors: hotRounds.reduce((sum, r) => sum + r.result.errors, 0),
      bookings: hotRounds.reduce((sum, r) => sum + r.result.successes, 0),
      sqlPerBooking: round(pick((r) => r.statements / r.result.requests)),
      serverUsPerRequest: pick(serverUsPerRequest),
      consistent: hotRounds.every((r) => r.consistent),
      cores: hotRounds[Math.floor(hotRounds.length / 2)].cores,
      rounds: hotRounds.map((r) => ({ bookingsPerSec: r.result.perSec, serverUsPerRequest: serverUsPerRequest(r), p50Ms: r.result.p50Ms, p95Ms: r.result.p95Ms, p99Ms: r.result.p99Ms, maxMs: r.result.maxMs, errors: r.result.errors, cores: r.cores })),
      errorSamples: hotRounds.flatMap((r) => r.result.errorSamples).slice(0, 5),
    };
    if (results.baseline) results.hotTier.ofBaseline = round(results.hotTier.bookingsPerSec / results.baseline.reqPerSec);
  }
  if (unlimitedRounds.length > 0) {
    const pick = (get: (r: (typeof unlimitedRounds)[number]) => number) => median(unlimitedRounds.map(get));
    results.hotTierNoQuota = {
      bookingsPerSec: pick((r) => r.result.perSec),
      p50Ms: pick((r) => r.result.p50Ms),
      p95Ms: pick((r) => r.result.p95Ms),
      p99Ms: pick((r) => r.result.p99Ms),
      errors: unlimitedRounds.reduce((sum, r) => sum + r.result.errors, 0),
      sqlPerBooking: round(pick((r) => r.statements / r.result.requests)),
      serverUsPerRequest: pick(serverUsPerRequest),
      consistent: unlimitedRounds.every((r) => r.consistent),
      cores: unlimitedRounds[Math.floor(unlimitedRounds.length / 2)].cores,
      rounds: unlimitedRounds.map((r) => ({ bookingsPerSec: r.result.perSec, serverUsPerRequest: serverUsPerRequest(r), p95Ms: r.result.p95Ms, errors: r.result.errors })),
      errorSamples: unlimitedRounds.flatMap((r) => r.result.errorSamples).slice(0, 5),
    };
    if (results.baseline) results.hotTierNoQuota.ofBaseline = round(results.hotTierNoQuota.bookingsPerSec / results.baseline.reqPerSec);
    if (results.hotTier) results.quotaCost = round(results.hotTier.bookingsPerSec / results.hotTierNoQuota.bookingsPerSec);
  }
  if (holdRounds.length > 0) {
    const pick = (get: (r: (typeof holdRounds)[number]) => number) => median(holdRounds.map(get));
    results.hold = {
      holdsPerSec: pick((r) => r.result.perSec),
      p50Ms: pick((r) => r.result.p50Ms),
      p95Ms: pick((r) => r.result.p95Ms),
      p99Ms: pick((r) => r.result.p99Ms),
      errors: holdRounds.reduce((sum, r) => sum + r.result.errors, 0),
      consistent: holdRounds.every((r) => r.consistent),
      cores: holdRounds[Math.floor(holdRounds.length / 2)].cores,
      rounds: holdRounds.map((r) => ({ holdsPerSec: r.result.perSec, p95Ms: r.result.p95Ms, errors: r.result.errors })),
    };
    if (results.hotTier) results.holdToBook = round(results.hold.holdsPerSec / results.hotTier.bookingsPerSec);
  }
  if (pgbenchRounds.length > 0) {
    results.pgbench = { tps: median(pgbenchRounds.map((r) => r.tps)), latencyAvgMs: median(pgbenchRounds.map((r) => r.latencyAvgMs)), clients: pgbenchRounds[0].clients, rounds: pgbenchRounds };
    if (results.hotTier) results.ratio = round(results.hotTier.bookingsPerSec / results.pgbench.tps);
  }
  if (phases.has('paid')) {
    log(`hold → pay: ${CLIENTS} clients, each holds 1 ticket and pays for it, ${plan.durationSec}s`);
    results.paid = await runPaid({ url: server.url, databaseUrl: postgres.url, fixture: fixtures.paid, clients: CLIENTS, durationSec: plan.durationSec, warmupSec: plan.warmupSec, pids, apiKey: fixtures.partnerKeys.limited });
    log(`  ${results.paid.checkoutsPerSec} checkouts/s, p95 ${results.paid.p95Ms} ms, ${results.paid.serverUsPerCheckout} µs server CPU/checkout, consistent: ${results.paid.consistent}`);
  }
  if (phases.has('spread')) {
    log(`spread: ${CLIENTS} clients over 100 tiers, ${plan.durationSec}s`);
    const spread = await runBookingLoad({ url: server.url, databaseUrl: postgres.url, fixture: fixtures.spread, connections: CLIENTS, durationSec: plan.durationSec, warmupSec: plan.warmupSec, pids, apiKey: fixtures.partnerKeys.limited });
    const r = spread.result;
    results.spread = { bookingsPerSec: r.perSec, p50Ms: r.p50Ms, p95Ms: r.p95Ms, p99Ms: r.p99Ms, errors: r.errors, sqlPerBooking: round(spread.statements / r.requests), consistent: spread.consistent, cores: spread.cores, errorSamples: r.errorSamples };
  }
  if (phases.has('catalogue')) {
    log(`catalogue: concert page query, ${CLIENTS} clients, ${plan.durationSec}s`);
    const catalogue = await runCatalogue({ url: server.url, concertId: fixtures.catalogueConcertId, connections: CLIENTS, durationSec: plan.durationSec, warmupSec: plan.warmupSec, pids });
    const r = catalogue.result;
    results.catalogue = { reqPerSec: r.perSec, p50Ms: r.p50Ms, p95Ms: r.p95Ms, p99Ms: r.p99Ms, errors: r.errors, sqlPerRequest: round(catalogue.statements / r.requests), serverUsPerRequest: serverUsPerRequest(catalogue), cores: catalogue.cores };
    log(`  ${r.perSec} req/s, p95 ${r.p95Ms} ms, ${results.catalogue.serverUsPerRequest} µs server CPU/request`);
    if (results.baseline) results.catalogue.ofBaseline = round(r.perSec / results.baseline.reqPerSec);
  }
  if (phases.has('onsale-page')) {
    log(`on-sale page: ${CLIENTS / 2} clients reading the selling concert's page while ${CLIENTS / 2} book it, ${plan.durationSec}s`);
    results.onsalePage = await runOnsalePage({ server, databaseUrl: postgres.url, fixture: fixtures.hot, apiKey: fixtures.partnerKeys.limited, connections: CLIENTS, durationSec: plan.durationSec, warmupSec: plan.warmupSec, pids });
    log(`  ${results.onsalePage.pagesPerSec} pages/s (kept results ${results.onsalePage.hitRate}), ${results.onsalePage.bookingsPerSec} bookings/s`);
  }
  if (phases.has('fanout')) {
    // A fresh server: memory freed after the load phases would otherwise be reused by the first
    // subscribers and hide what they cost.
    await server.stop();
    server = await startServerProcess(postgres.url, settings);
    log(`fan-out: subscribers in steps of ${plan.fanoutSteps.join(', ')}, on a freshly started server`);
    const fanout = await runFanout(
      { ...fanoutSpec(postgres.url, fixtures, plan), httpUrl: server.url, serverPid: server.pid },
      server,
      logFanoutStep,
    );
    const r = fanout.reported;
    results.fanout = { subscribers: r.subscribers, p50Ms: r.p50Ms, p95Ms: r.p95Ms, p99Ms: r.p99Ms, bytesPerSubscriber: r.bytesPerSubscriber, heapBytesPerSubscriber: r.heapBytesPerSubscriber, missed: r.missed, serverUsPerDelivery: r.serverUsPerDelivery, serverFanoutMs: r.serverFanoutMs, clientUsPerDelivery: r.clientUsPerDelivery, bookingsPerStep: plan.probes, bookingIntervalMs: 1_000, bounds: fanout.bounds, steps: fanout.steps };
  }
  if (phases.has('waiting-room')) {
    // Its own freshly started server, with the ticker interval and join quota the phase sets.
    await server.stop();
    const plan = waitingRoomPlan(args, quick);
    log(`waiting room: ${plan.clients} guests, admission at ${plan.admissionsPerMinute}/min for ${plan.admissionSec} s, tick every ${plan.tickMs} ms`);
    results.waitingRoom = await runWaitingRoom({ ...plan, databaseUrl: postgres.url, postgresPid: postgres.pid(), settings, log });
    server = await startServerProcess(postgres.url, settings);
  }
  if (fanoutProcessCounts.length) {
    await server.stop();
    results.fanoutProcesses = await runFanoutProcesses({ databaseUrl: postgres.url, counts: fanoutProcessCounts, rounds: number('rounds') ?? 1, root: settings.root, spec: fanoutSpec(postgres.url, fixtures, plan), log, onStep: logFanoutStep });
  }
  if (analyticsFixture) {
    const runs = number('analytics-runs') ?? (quick ? 30 : 100);
    log(`analytics: each organizer query ${runs} times, one after another, on ${analyticsFixture.bookings.toLocaleString('en')} bookings`);
    results.analytics = await runAnalytics({ url: server.url, databaseUrl: postgres.url, fixture: analyticsFixture, runs, log });
  }
  if (phases.has('cancellation')) {
    // Optional (--only=cancellation): the job runs in this process. --cancellation-bookings=N,
    // --cancel-batch-size=N, --refund-concurrency=N, --refund-latency-ms=N (a processor's round trip).
    const cancellation = { bookings: number('cancellation-bookings') ?? 50_000, batchSize: number('cancel-batch-size'), refundConcurrency: number('refund-concurrency'), refundLatencyMs: number('refund-latency-ms') };
    results.cancellation = await runCancellation({ databaseUrl: postgres.url, ...cancellation, log });
  }
  if (processCounts.length) {
    // Its own servers only: the bench's server would otherwise idle beside them.
    await server.stop();
    const common = { databaseUrl: postgres.url, postgresPid: postgres.pid(), fixtures, clients: CLIENTS, log };
    results.processes = await runProcessComparison({ ...common, counts: processCounts, rounds: plan.rounds, durationSec: plan.durationSec, warmupSec: plan.warmupSec });
  }
} finally {
  await server.stop();
  await postgres.stop();
}

results.durationSec = Math.round((performance.now() - started) / 1000);
printTable(results);
if (results.processes) printProcesses(results.processes);
const file = resultsFileName();
writeResults(fileURLToPath(new URL(`./results/${file}`, import.meta.url)), results);
console.log(`${quick ? 'quick' : 'full'} run took ${results.durationSec}s; wrote bench/results/${file}`);

function logFanoutStep(step: FanoutStep) {
  log(describeFanoutStep(step));
}
