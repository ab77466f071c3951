// Runs bench/server.ts in its own process so that its CPU and memory are its own, and the load
// generator never shares an event loop with it.
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { spawnServer } from '../server/src/dev/server-process.ts';

export interface ServerSettings {
  poolSize?: number;
  maxConcurrentBatches?: number;
  maxBatchSize?: number;
  /** Another checkout of this repo (e.g. a git worktree of an older commit) whose server to measure. */
  root?: string;
  /** More environment for bench/server.ts (e.g. the waiting-room phase's tick interval and join quota). */
  env?: Record<string, string>;
}

export interface ServerProcess {
  pid: number;
  url: string;
  /** SQL statements the server has sent so far. */
  statements(): Promise<number>;
  /** The server's memory right after a full garbage collection. */
  memory(): Promise<{ rss: number; heapUsed: number }>;
  /** Seconds from NOTIFY to the last socket written, summed over changes delivered so far, and their count. */
  fanoutTimes(): Promise<{ sum: number; count: number } | null>;
  /** Seconds spent in waiting-room ticks that worked on a room, summed so far, and their count. */
  tickTimes(): Promise<{ sum: number; count: number } | null>;
  /** Guests' catalogue queries by outcome (hit, miss) so far; null from a checkout without the result cache. */
  catalogueResults(): Promise<Record<string, number> | null>;
  stop(): Promise<void>;
}

const ownEntry = fileURLToPath(new URL('./server.ts', import.meta.url));

export async function startServerProcess(databaseUrl: string, settings: ServerSettings = {}): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: process.env.BENCH_NODE_ENV ?? 'production', DATABASE_URL: databaseUrl, ...settings.env };
  if (settings.poolSize) env.DB_POOL_SIZE = String(settings.poolSize);
  if (settings.maxConcurrentBatches) env.BOOKING_MAX_CONCURRENT_BATCHES = String(settings.maxConcurrentBatches);
  if (settings.maxBatchSize) env.BOOKING_MAX_BATCH_SIZE = String(settings.maxBatchSize);
  // BENCH_CPU_PROF=dir writes a V8 CPU profile of the server, to see where its time goes.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  // BENCH_SERVER_NODE_ARGS="--max-semi-space-size=16": V8 flags for the server alone, after SERVER_V8_FLAGS, to compare them.
  const extra = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const entry = settings.root ? `${settings.root}/bench/server.ts` : ownEntry;
  const server = await spawnServer({ entry, env, nodeArgs: [...profile, ...extra, '--expose-gc'], ipc: true });
  server.child.stderr!.on('data', (chunk) => process.stderr.write(`[server] ${chunk}`));
  return {
    pid: server.child.pid!,
    url: `${server.base}/graphql`,
    statements: () => ask<{ statements: number }>(server.child, 'statements').then((reply) => reply.statements),
    memory: () => ask<{ memory: { rss: number; heapUsed: number } }>(server.child, 'memory').then((reply) => reply.memory),
    // An older checkout's server (--server-root) does not answer this question: null after a while.
    fanoutTimes: () => answerOrNull<{ sum: number; count: number }>(server.child, 'fanoutTimes'),
    tickTimes: () => answerOrNull<{ sum: number; count: number }>(server.child, 'tickTimes'),
    catalogueResults: () => answerOrNull<Record<string, number>>(server.child, 'catalogueResults'),
    stop: () => server.stop(15_000),
  };
}

/** The answer to a question, or null after a while from a server that does not answer it (an older checkout). */
function answerOrNull<T>(child: ChildProcess, kind: string) {
  return Promise.race([
    ask<Record<string, T>>(child, kind).then((reply) => reply[kind]),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), 2_000)),
  ]);
}

/**
 * One question over IPC; the server answers each kind in order, so the first reply of the kind is ours.
 * A server that died refuses the question (an error, not an 'error' event that would end the bench
 * before its finally stops Postgres).
 */
function ask<T>(child: ChildProcess, kind: string): Promise<T> {
  return new Promise((resolve, reject) => {
    if (!child.connected) return reject(new Error(`the server process is gone (asked for ${kind})`));
    const onMessage = (message: Record<string, unknown>) => {
      if (!(kind in message)) return;
      child.off('message', onMessage);
      resolve(message as T);
    };
    child.on('message', onMessage);
    child.send({ [kind]: true }, (error) => {
      if (!error) return;
      child.off('message', onMessage);
      reject(error);
    });
  });
}
