// Starts load-worker.ts in a child process and measures the server's and Postgres' CPU over exactly
// the window the worker measures (the worker says when its warm-up is over).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadResult, LoadSpec } from './load-worker.ts';
import { cpuSeconds, cpuWindow, treeCpuSeconds, type CpuWindow } from './proc-stats.ts';

export interface Measured<T> {
  result: T;
  /** SQL statements the server sent during the measured window. */
  statements: number;
  /** Average cores used during the measured window, per process group. */
  cores: Record<string, number>;
}

export interface Pids {
  server: number;
  postgres: number;
  /** The server's running count of SQL statements sent (NaN where it cannot be counted). */
  statements: () => Promise<number>;
  /** The server's CPU seconds so far, when it is more than one process (default: the `server` pid's own). */
  serverCpu?: () => number;
}

export function runWorker<T>(script: string, spec: unknown, pids: Pids): Promise<Measured<T>> {
  const child = fork(fileURLToPath(new URL(script, import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let window: CpuWindow | null = null;
  let statementsBefore: Promise<number> = Promise.resolve(0);
  return new Promise((resolve, reject) => {
    child.on('message', (message: { measuring?: boolean; result?: T; error?: string }) => {
      if (message.measuring) {
        statementsBefore = pids.statements();
        window = cpuWindow({
          server: pids.serverCpu ?? (() => cpuSeconds(pids.server)),
          postgres: () => treeCpuSeconds(pids.postgres),
          client: () => cpuSeconds(child.pid!),
        });
      } else if (message.result) {
        const cores = window?.stop() ?? {};
        const result = message.result;
        void Promise.all([statementsBefore, pids.statements()]).then(([before, after]) =>
          resolve({ result, cores, statements: after - before }),
        );
      } else if (message.error) reject(new Error(message.error));
    });
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`${script} exited with code ${code}`));
    });
    child.send(spec as object);
  });
}

export const runLoad = (spec: LoadSpec, pids: Pids) => runWorker<LoadResult>('./load-worker.ts', spec, pids);
