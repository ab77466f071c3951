// `--processes=1,2`: the same server entry with WORKERS=1 and WORKERS=2 (node:cluster), each running
// baseline, hot tier (bookTickets) and catalogue. The counts alternate in rounds, on a server started
// fresh for each, so a burst of someone else's load on this shared machine hits both alike; the
// report takes medians and the ratio of the last count to the first.
import { runBaseline, serverUsPerRequest } from './baseline.ts';
import { runCatalogue } from './catalogue.ts';
import { startClusterServer } from './cluster-server.ts';
import type { Fixtures } from './fixtures.ts';
import { runBookingLoad } from './hot-tier.ts';
import type { Measured, Pids } from './load.ts';
import type { LoadResult } from './load-worker.ts';
import { median, round } from './stats.ts';

export interface ProcessesOptions {
  databaseUrl: string;
  postgresPid: number;
  fixtures: Fixtures;
  counts: number[];
  rounds: number;
  clients: number;
  durationSec: number;
  warmupSec: number;
  log: (message: string) => void;
}

const PHASES = ['baseline', 'hot', 'catalogue'] as const;
type Phase = (typeof PHASES)[number];

export interface PhaseFigures {
  reqPerSec: number;
  p50Ms: number;
  p95Ms: number;
  errors: number;
  /** Server CPU (primary + workers) per answered request. */
  serverUsPerRequest: number;
  cores: Record<string, number>;
  /** Hot tier only: tier counters match booking rows. */
  consistent?: boolean;
}

export interface ProcessComparison {
  counts: number[];
  /** Medians over the rounds, per process count. */
  byCount: Record<string, Record<Phase, PhaseFigures>>;
  /** req/s of the last count ÷ the first, per phase (medians). */
  ratio: Record<Phase, number>;
  rounds: { processes: number; round: number; figures: Record<Phase, PhaseFigures> }[];
  note: string;
}

const figuresOf = (measured: Measured<LoadResult>, consistent?: boolean): PhaseFigures => ({
  reqPerSec: measured.result.perSec,
  p50Ms: measured.result.p50Ms,
  p95Ms: measured.result.p95Ms,
  errors: measured.result.errors,
  serverUsPerRequest: serverUsPerRequest(measured),
  cores: measured.cores,
  ...(consistent === undefined ? {} : { consistent }),
});

async function measureOnce(options: ProcessesOptions, processes: number): Promise<Record<Phase, PhaseFigures>> {
  const server = await startClusterServer(options.databaseUrl, processes);
  try {
    // The normal entry has no statement counter; NaN shows as "–" rather than a made-up figure.
    const pids: Pids = { server: server.pid, postgres: options.postgresPid, statements: async () => NaN, serverCpu: server.cpuSeconds };
    const common = { url: server.url, connections: options.clients, durationSec: options.durationSec, warmupSec: options.warmupSec, pids };
    const baseline = figuresOf(await runBaseline(common));
    const hot = await runBookingLoad({ ...common, databaseUrl: options.databaseUrl, fixture: options.fixtures.hot, apiKey: options.fixtures.partnerKeys.limited });
    const catalogue = figuresOf(await runCatalogue({ ...common, concertId: options.fixtures.catalogueConcertId }));
    return { baseline, hot: figuresOf(hot, hot.consistent), catalogue };
  } finally {
    await server.stop();
  }
}

function medianFigures(all: PhaseFigures[]): PhaseFigures {
  const pick = (get: (f: PhaseFigures) => number) => median(all.map(get));
  const consistent = all.every((f) => f.consistent !== false);
  return {
    reqPerSec: pick((f) => f.reqPerSec),
    p50Ms: pick((f) => f.p50Ms),
    p95Ms: pick((f) => f.p95Ms),
    errors: all.reduce((sum, f) => sum + f.errors, 0),
    serverUsPerRequest: pick((f) => f.serverUsPerRequest),
    cores: [...all].sort((a, b) => a.reqPerSec - b.reqPerSec)[Math.floor(all.length / 2)].cores,
    ...(all[0].consistent === undefined ? {} : { consistent }),
  };
}

export async function runProcessComparison(options: ProcessesOptions): Promise<ProcessComparison> {
  const rounds: ProcessComparison['rounds'] = [];
  for (let roundNo = 1; roundNo <= options.rounds; roundNo++) {
    for (const processes of options.counts) {
      options.log(`processes: WORKERS=${processes}, round ${roundNo}/${options.rounds}: baseline, hot tier, catalogue, ${options.durationSec}s each after ${options.warmupSec}s warm-up`);
      const figures = await measureOnce(options, processes);
      rounds.push({ processes, round: roundNo, figures });
      options.log(`  ${PHASES.map((phase) => `${phase} ${figures[phase].reqPerSec} req/s (${figures[phase].serverUsPerRequest} µs CPU/req)`).join(', ')}`);
    }
  }
  const byCount = Object.fromEntries(
    options.counts.map((processes) => {
      const mine = rounds.filter((r) => r.processes === processes);
      return [String(processes), Object.fromEntries(PHASES.map((phase) => [phase, medianFigures(mine.map((r) => r.figures[phase]))])) as Record<Phase, PhaseFigures>];
    }),
  );
  const [first, last] = [byCount[String(options.counts[0])], byCount[String(options.counts.at(-1))]];
  const ratio = Object.fromEntries(PHASES.map((phase) => [phase, round(last[phase].reqPerSec / first[phase].reqPerSec)])) as Record<Phase, number>;
  return {
    counts: options.counts,
    byCount,
    ratio,
    rounds,
    note: 'server = server/src/main.ts with WORKERS=N (1: one process; N>1: cluster primary + N workers, CPU summed over all); SQL statements are not counted in this mode',
  };
}
