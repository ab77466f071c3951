// `--fanout-processes=1,2`: the fan-out ramp against the normal entry (server/src/main.ts) with
// WORKERS=N, so that subscribers spread over N processes (node:cluster hands each new socket to the
// next worker), each with its own LISTEN and its own read per change. The counts alternate in
// rounds on a server started fresh each time; CPU and memory are summed over the primary and its
// workers. Memory is read from /proc without a forced GC (this entry has no IPC hook), so it is an
// upper bound, not comparable with the default phase's figure.
import { startClusterServer } from './cluster-server.ts';
import type { FanoutSpec, FanoutStep } from './fanout-client.ts';
import { runFanout } from './fanout.ts';
import { treeRssBytes } from './proc-stats.ts';

export interface FanoutProcessesOptions {
  databaseUrl: string;
  counts: number[];
  rounds: number;
  spec: Omit<FanoutSpec, 'httpUrl' | 'serverPid'>;
  /** Another checkout's server (--server-root). */
  root?: string;
  log: (message: string) => void;
  onStep: (step: FanoutStep) => void;
}

export async function runFanoutProcesses(options: FanoutProcessesOptions) {
  const runs: { processes: number; round: number; reported: FanoutStep; steps: FanoutStep[] }[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    for (const processes of options.counts) {
      options.log(`fan-out, WORKERS=${processes}, round ${round}/${options.rounds}`);
      // Every bench socket comes from 127.0.0.1, so the per-address cap is lifted as in bench/server.ts.
      const server = await startClusterServer(options.databaseUrl, processes, { WS_MAX_SOCKETS_PER_IP: '0' }, options.root);
      try {
        const memory = async () => ({ rss: treeRssBytes(server.pid), heapUsed: NaN });
        const fanout = await runFanout({ ...options.spec, httpUrl: server.url, serverPid: server.pid }, { memory }, options.onStep);
        runs.push({ processes, round, reported: fanout.reported, steps: fanout.steps });
      } finally {
        await server.stop();
      }
    }
  }
  return { counts: options.counts, runs, note: 'server = server/src/main.ts with WORKERS=N; CPU and RSS summed over primary + workers; RSS without a forced GC' };
}
