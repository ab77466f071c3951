// The server as it is deployed: the normal entry (server/src/main.ts) with WORKERS=N, i.e. one
// process for N = 1, and a node:cluster primary with N workers sharing the port otherwise. Unlike
// bench/server.ts it has no IPC hook, so SQL statements are not counted here.
import { fileURLToPath } from 'node:url';
import { spawnServer } from '../server/src/dev/server-process.ts';
import { treeCpuSeconds } from './proc-stats.ts';

export interface ClusterServer {
  pid: number;
  url: string;
  /** CPU seconds of the primary and its workers (and of workers that exited, via the primary's cutime). */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

const entry = fileURLToPath(new URL('../server/src/main.ts', import.meta.url));
// Each serving process logs this once it listens (server/src/cluster/serve.ts).
const LISTENING = 'GraphQL at http';

/** `root`: another checkout whose server to measure (as --server-root for the default phases). */
export async function startClusterServer(databaseUrl: string, workers: number, extraEnv: NodeJS.ProcessEnv = {}, root?: string): Promise<ClusterServer> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, WORKERS: String(workers), LOG_LEVEL: 'info', ...extraEnv };
  const server = await spawnServer({ entry: root ? `${root}/server/src/main.ts` : entry, env, timeoutMs: 60_000 });
  // /ready answers as soon as one worker listens; the comparison needs all of them.
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (server.output().split(LISTENING).length - 1 < workers) return;
      server.child.stdout!.off('data', check);
      resolve();
    };
    server.child.stdout!.on('data', check);
    void server.exited.then(() => reject(new Error(`server exited while starting:\n${server.output()}`)));
    check();
  });
  server.child.stderr!.on('data', (chunk) => process.stderr.write(`[server] ${chunk}`));
  const pid = server.child.pid!;
  return { pid, url: `${server.base}/graphql`, cpuSeconds: () => treeCpuSeconds(pid), stop: () => server.stop(30_000) };
}
