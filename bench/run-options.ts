// The command line of `npm run bench`: which phases, how long, and the server settings to vary.
import type { ServerSettings } from './server-process.ts';

export const args = new Map(
  process.argv.slice(2).map((arg) => {
    const [name, value = 'true'] = arg.replace(/^--/, '').split('=');
    return [name, value] as const;
  }),
);
export const quick = args.has('quick');
// --processes=1,2 runs the process-count comparison (processes.ts); the other phases then only with --only.
export const processCounts = args.has('processes') ? args.get('processes')!.split(',').map(Number) : [];
// --fanout-processes=1,2 runs the fan-out ramp against main.ts with WORKERS=N (fanout-processes.ts).
export const fanoutProcessCounts = args.has('fanout-processes') ? args.get('fanout-processes')!.split(',').map(Number) : [];
const compares = processCounts.length > 0 || fanoutProcessCounts.length > 0;
// The waiting-room phase takes two minutes or more: in the full run, and in --quick only with --only.
const defaultPhases = `baseline,hot,hot-unlimited,hold,paid,pgbench,spread,catalogue,onsale-page,fanout${quick ? '' : ',waiting-room'}`;
export const phases = new Set((args.get('only') ?? (compares ? '' : defaultPhases)).split(','));
export const number = (name: string) => (args.has(name) ? Number(args.get(name)) : undefined);

export const CLIENTS = 64;
// The sandbox's hard limit is 20,000 open files per process (ulimit -Hn, not raisable here); the
// server and the subscriber process each need a few for Postgres, stdio and the listening socket.
const MAX_SUBSCRIBERS = 19_500;
// The machine is shared with other work, so hot tier and pgbench alternate in rounds and the report
// takes the median round of each: a burst of someone else's load then hits both, or only one round.
export const plan = quick
  ? { rounds: 2, durationSec: 8, warmupSec: 3, fanoutSteps: [500, 2_000], probes: 4 }
  : { rounds: 3, durationSec: 20, warmupSec: 5, fanoutSteps: [1_000, 2_500, 5_000, 10_000, 15_000, MAX_SUBSCRIBERS], probes: 8 };
if (number('duration')) plan.durationSec = number('duration')!;
// --fanout-steps=2000,19500 picks the ramp, e.g. to compare two servers at the sizes that matter.
if (args.has('fanout-steps')) plan.fanoutSteps = args.get('fanout-steps')!.split(',').map(Number);
if (number('rounds')) plan.rounds = number('rounds')!;
export const settings: ServerSettings = {
  poolSize: number('pool'),
  maxConcurrentBatches: number('concurrent-batches'),
  maxBatchSize: number('batch-size'),
  root: args.get('server-root'),
};

/** Where this run's results go: the full or quick run's file, or an experiment's. */
export function resultsFileName() {
  const label = args.get('label') ?? (processCounts.length && !args.has('only') ? 'processes' : fanoutProcessCounts.length && !args.has('only') ? 'fanout-processes' : undefined);
  const everything = !args.has('only') && !label;
  return everything ? (quick ? 'quick.json' : 'latest.json') : `experiments/${label ?? 'partial'}.json`;
}
