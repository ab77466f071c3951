import type { FanoutStep } from './fanout-client.ts';
// The results file and the table printed at the end of a run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
import type { AnalyticsResult } from './analytics.ts';
import type { CancellationResult } from './cancellation.ts';
import type { runOnsalePage } from './onsale-page.ts';
import type { ProcessComparison } from './processes.ts';
import type { WaitingRoomResult } from './waiting-room.ts';

export interface Results {
  machine: string;
  mode: 'full' | 'quick';
  startedAt: string;
  durationSec?: number;
  settings: Record<string, unknown>;
  baseline?: { reqPerSec: number; p50Ms: number; p95Ms: number; p99Ms: number; errors: number; serverUsPerRequest: number } & Record<string, unknown>;
  hotTier?: { bookingsPerSec: number; p50Ms: number; p95Ms: number; p99Ms: number; errors: number } & Record<string, unknown>;
  /** The hot tier with a key that has no quota (no limiter hit): `quotaCost` = hotTier ÷ this. */
  hotTierNoQuota?: { bookingsPerSec: number; p50Ms: number; p95Ms: number; p99Ms: number; errors: number } & Record<string, unknown>;
  quotaCost?: number;
  hold?: { holdsPerSec: number; p50Ms: number; p95Ms: number; p99Ms: number; errors: number } & Record<string, unknown>;
  /** holdTickets ÷ bookTickets throughput, same run (the checkout issue asks for ≥ 0.9). */
  holdToBook?: number;
  /** Hold → pay checkouts (paid.ts); p50/p95/p99 are of the whole checkout. */
  paid?: { checkoutsPerSec: number; p50Ms: number; p95Ms: number; p99Ms: number; errors: number; hold: Latency; pay: Latency; serverUsPerCheckout: number; consistent: boolean } & Record<string, unknown>;
  pgbench?: { tps: number } & Record<string, unknown>;
  ratio?: number;
  spread?: { bookingsPerSec: number; p95Ms: number } & Record<string, unknown>;
  fanout?: { subscribers: number; p50Ms: number; p95Ms: number; p99Ms: number; bytesPerSubscriber: number } & Record<string, unknown>;
  /** `--processes=1,2`: baseline, hot tier and catalogue per server process count. */
  processes?: ProcessComparison;
  /** `--fanout-processes=1,2`: the fan-out ramp per server process count. */
  fanoutProcesses?: Record<string, unknown>;
  catalogue?: { reqPerSec: number; p95Ms: number; sqlPerRequest: number } & Record<string, unknown>;
  /** The selling concert's page read by guests while partners book it (onsale-page.ts). */
  onsalePage?: Awaited<ReturnType<typeof runOnsalePage>>;
  /** Waiting shoppers on WebSockets while the line is admitted (waiting-room.ts). */
  waitingRoom?: WaitingRoomResult;
  /** `--only=analytics`: organizer queries on the 1,000,000-booking fixture. */
  analytics?: AnalyticsResult;
  /** `--only=cancellation`: a concert of 50,000 paid bookings cancelled and refunded by its job. */
  cancellation?: CancellationResult;
}

interface Latency {
  p50Ms: number;
  p95Ms: number;
}

export function describeMachine(postgresVersion: string) {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${postgresVersion}, loopback`;
}

export function writeResults(path: string, results: Results) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
}

const fmt = (value: number | undefined, digits = 0) => (value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits));
const cores = (value: Record<string, number> | undefined) =>
  value ? Object.entries(value).map(([name, used]) => `${name} ${used.toFixed(2)}`).join(', ') : '';

export function printTable(results: Results) {
  const rows: string[][] = [['phase', 'throughput', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'notes']];
  const { baseline, hotTier: hot, hold, paid, pgbench, spread, fanout, catalogue } = results;
  const perRequest = (phase: Record<string, unknown>) => `${fmt(phase.serverUsPerRequest as number)} µs server CPU/request`;
  const ofBaseline = (phase: Record<string, unknown>) => (phase.ofBaseline === undefined ? '' : `${(phase.ofBaseline as number).toFixed(2)}× baseline; `);
  if (baseline) rows.push([`baseline { __typename }${baseline.rounds ? `, median of ${(baseline.rounds as unknown[]).length}` : ''}`, `${fmt(baseline.reqPerSec)} req/s`, fmt(baseline.p50Ms, 1), fmt(baseline.p95Ms, 1), fmt(baseline.p99Ms, 1), fmt(baseline.errors), `${perRequest(baseline)}; cores: ${cores(baseline.cores as Record<string, number>)}`]);
  if (hot) rows.push([`hot tier (64 clients, 1 tier)${hot.rounds ? `, median of ${(hot.rounds as unknown[]).length}` : ''}`, `${fmt(hot.bookingsPerSec)} bookings/s`, fmt(hot.p50Ms, 1), fmt(hot.p95Ms, 1), fmt(hot.p99Ms, 1), fmt(hot.errors), `${ofBaseline(hot)}${perRequest(hot)}; ${fmt(hot.sqlPerBooking as number, 2)} SQL/booking; cores: ${cores(hot.cores as Record<string, number>)}`]);
  const free = results.hotTierNoQuota;
  if (free) rows.push([`hot tier, key without quota${free.rounds ? `, median of ${(free.rounds as unknown[]).length}` : ''}`, `${fmt(free.bookingsPerSec)} bookings/s`, fmt(free.p50Ms, 1), fmt(free.p95Ms, 1), fmt(free.p99Ms, 1), fmt(free.errors), `${ofBaseline(free)}${perRequest(free)}; ${fmt(free.sqlPerBooking as number, 2)} SQL/booking; cores: ${cores(free.cores as Record<string, number>)}`]);
  if (results.quotaCost !== undefined) rows.push(['with quota ÷ without', `${results.quotaCost.toFixed(2)}×`, '', '', '', '', '']);
  if (hold) rows.push([`holds, hot tier (64 clients)${hold.rounds ? `, median of ${(hold.rounds as unknown[]).length}` : ''}`, `${fmt(hold.holdsPerSec)} holds/s`, fmt(hold.p50Ms, 1), fmt(hold.p95Ms, 1), fmt(hold.p99Ms, 1), fmt(hold.errors), `cores: ${cores(hold.cores as Record<string, number>)}`]);
  if (results.holdToBook !== undefined) rows.push(['holds ÷ bookings', `${results.holdToBook.toFixed(2)}×`, '', '', '', '', '']);
  if (paid) rows.push(['hold → pay (64 clients)', `${fmt(paid.checkoutsPerSec)} checkouts/s`, fmt(paid.p50Ms, 1), fmt(paid.p95Ms, 1), fmt(paid.p99Ms, 1), fmt(paid.errors), `hold p50/p95 ${fmt(paid.hold.p50Ms, 1)}/${fmt(paid.hold.p95Ms, 1)} ms, pay ${fmt(paid.pay.p50Ms, 1)}/${fmt(paid.pay.p95Ms, 1)} ms; ${fmt(paid.serverUsPerCheckout)} µs server CPU/checkout; ${fmt(paid.sqlPerCheckout as number, 2)} SQL/checkout; ledger ${paid.consistent ? 'consistent' : 'NOT CONSISTENT'}; cores: ${cores(paid.cores as Record<string, number>)}`]);
  if (pgbench) rows.push([`pgbench hot row (64 clients)${pgbench.rounds ? `, median of ${(pgbench.rounds as unknown[]).length}` : ''}`, `${fmt(pgbench.tps)} TPS`, '', '', '', '', `avg latency ${fmt(pgbench.latencyAvgMs as number, 1)} ms`]);
  if (results.ratio !== undefined) rows.push(['hot tier ÷ pgbench', `${results.ratio.toFixed(2)}×`, '', '', '', '', '']);
  if (spread) rows.push(['spread (64 clients, 100 tiers)', `${fmt(spread.bookingsPerSec)} bookings/s`, fmt(spread.p50Ms as number, 1), fmt(spread.p95Ms, 1), fmt(spread.p99Ms as number, 1), fmt(spread.errors as number), `cores: ${cores(spread.cores as Record<string, number>)}`]);
  if (fanout) rows.push([`fan-out (${fanout.subscribers} subscribers)`, `${fmt(fanout.bytesPerSubscriber / 1024, 1)} KiB/subscriber`, fmt(fanout.p50Ms, 1), fmt(fanout.p95Ms, 1), fmt(fanout.p99Ms, 1), fmt(fanout.missed as number), 'commit → delivery; errors = missed deliveries']);
  if (catalogue) rows.push(['catalogue (concert page)', `${fmt(catalogue.reqPerSec)} req/s`, fmt(catalogue.p50Ms as number, 1), fmt(catalogue.p95Ms, 1), fmt(catalogue.p99Ms as number, 1), fmt(catalogue.errors as number), `${ofBaseline(catalogue)}${perRequest(catalogue)}; ${fmt(catalogue.sqlPerRequest, 2)} SQL/request; cores: ${cores(catalogue.cores as Record<string, number>)}`]);
  const onsale = results.onsalePage;
  if (onsale) rows.push(['the selling concert\'s page, during bookings (32 + 32 clients)', `${fmt(onsale.pagesPerSec)} pages/s`, fmt(onsale.pageP50Ms, 1), fmt(onsale.pageP95Ms, 1), '', fmt(onsale.pageErrors), `${fmt(onsale.hitRate * 100, 1)} % from kept results; meanwhile ${fmt(onsale.bookingsPerSec)} bookings/s (p95 ${fmt(onsale.bookingP95Ms, 1)} ms, ${onsale.bookingErrors} errors, ledger ${onsale.consistent ? 'consistent' : 'NOT CONSISTENT'}); cores: ${cores(onsale.cores as Record<string, number>)}`]);
  const room = results.waitingRoom;
  if (room) {
    const t = room.tickToClient;
    rows.push([`waiting room (${room.connected} waiting sockets)`, `${fmt(room.serverMsPerTick, 1)} ms server CPU/tick`, fmt(t.p50Ms, 1), fmt(t.p95Ms, 1), fmt(t.p99Ms, 1), fmt(room.expectedDeliveries - room.deliveries), `tick → client; errors = statuses not received; ${room.ticks} ticks of ${fmt(room.tickWallMs, 1)} ms wall time each, server ${fmt(room.serverCores.admission, 2)} cores admitting vs ${fmt(room.serverCores.idle, 2)} idle; Postgres ${fmt(room.postgresMsPerTick, 1)} ms/tick; NOTIFY → client p95 ${fmt(room.notifyToClient.p95Ms, 1)} ms; admitted ${room.admitted} (rate allows ${room.expectedAdmitted}); checks ${room.checks.ok ? 'passed' : 'FAILED'}`]);
  }
  if (results.analytics) {
    const { fixture, queries, withoutRollup } = results.analytics;
    for (const q of queries) rows.push([`analytics: ${q.name}`, `${q.runs} runs`, fmt(q.p50Ms, 1), fmt(q.p95Ms, 1), '', fmt(q.errors), `max ${fmt(q.maxMs, 1)} ms`]);
    for (const q of withoutRollup) rows.push([`  without the rollup: ${q.name}`, `${q.runs} runs`, fmt(q.p50Ms, 1), '', '', '', 'SQL only, from bookings']);
    rows.push(['analytics fixture', `${fixture.bookings.toLocaleString('en')} bookings`, '', '', '', '', `${fixture.items.toLocaleString('en')} items, ${fixture.refunds.toLocaleString('en')} refunds; written in ${fmt(fixture.insertSec, 1)} s, rolled up in ${fmt(fixture.rollupSec, 1)} s into ${fixture.rollupRows.toLocaleString('en')} rows`]);
  }
  const cancel = results.cancellation;
  if (cancel) {
    rows.push([`cancel a concert of ${cancel.bookings.toLocaleString('en')} paid bookings`, `${fmt(cancel.bookingsPerSec)} bookings/s`, '', '', '', cancel.ledgerExact ? '0' : 'ledger', `${fmt(cancel.totalSec, 1)} s end to end; ${cancel.batches} batches of ${cancel.batchSize}, ${cancel.refundConcurrency} refunds in flight${cancel.refundLatencyMs ? `, +${cancel.refundLatencyMs} ms each` : ''}`]);
    rows.push(['  batch transaction', `${cancel.batches} batches`, fmt(cancel.batchTransactionMs.p50, 1), fmt(cancel.batchTransactionMs.p95, 1), '', '', `max ${fmt(cancel.batchTransactionMs.max, 1)} ms`]);
    rows.push(['  tier rows locked per batch', '', fmt(cancel.tierLockMs.p50, 1), fmt(cancel.tierLockMs.p95, 1), '', '', `max ${fmt(cancel.tierLockMs.max, 1)} ms`]);
    rows.push(['  a booking\'s wait for the tier lock', `${cancel.probeWaitMs.probes} probes`, fmt(cancel.probeWaitMs.p50, 1), fmt(cancel.probeWaitMs.p95, 1), '', '', `max ${fmt(cancel.probeWaitMs.max, 1)} ms (BEGIN; SELECT … FOR UPDATE; COMMIT)`]);
  }
  if (rows.length === 1) return; // e.g. --processes alone: its own table follows
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  console.log([line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n'));
}

/** One step of the fan-out ramp, as the bench logs it. */
export function describeFanoutStep(step: FanoutStep) {
  return `  ${step.subscribers} subscribers: p50 ${step.p50Ms} ms, p95 ${step.p95Ms} ms, p99 ${step.p99Ms} ms, ${step.missed} missed, ${Math.round(step.bytesPerSubscriber / 1024)} KiB each, ${step.serverUsPerDelivery} µs server CPU per delivery, server ${step.serverCores} cores, NOTIFY → last socket written ${step.serverFanoutMs} ms; client ${step.clientUsPerDelivery} µs per delivery, ${step.clientCores} cores`;
}
