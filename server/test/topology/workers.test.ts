import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/db/free-port.ts';
import { scratchDir, startAppProcess, type Engine } from './engines.ts';

const scratch = scratchDir();
let primary: Engine | undefined;
afterAll(async () => {
  await primary?.stop('SIGKILL');
  scratch.remove();
});

/** The primary's worker processes (its node children; the embedded postmaster is one too, but not node). */
function workerPids(primaryPid: number) {
  const ps = spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(primaryPid)], { encoding: 'utf8' }).stdout;
  return ps.split('\n').filter((line) => line.includes('main.ts')).map((line) => Number(line.trim().split(/\s+/)[0]));
}

async function until<T>(value: () => T | Promise<T>, done: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await value();
    if (done(v)) return v;
    if (Date.now() > deadline) throw new Error(`not reached in time (last: ${JSON.stringify(v)})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('WORKERS=2 with the embedded Postgres', () => {
  it('prepares the database once, restarts a dead worker, and drains every worker on SIGTERM', async () => {
    const port = await freePort();
    primary = await startAppProcess(port, {
      WORKERS: '2', LOG_LEVEL: 'info', DATA_DIR: scratch.dir, EMBEDDED_PG_PORT: String(await freePort()), DATABASE_URL: '',
    });
    const pid = primary.child.pid!;
    const [first, second] = await until(() => workerPids(pid), (pids) => pids.length === 2);
    // Both serve (their start lines) before one is killed.
    await until(() => primary!.output().match(/web app at/g)?.length ?? 0, (started) => started === 2);
    expect(primary.output().match(/"msg":"database ready"/g)).toHaveLength(1);

    process.kill(first, 'SIGKILL');
    const replaced = await until(() => workerPids(pid), (pids) => pids.length === 2 && !pids.includes(first));
    expect(replaced).toContain(second);
    // The replacement serves too (its start line), with its own pool and LISTEN connection.
    await until(() => primary!.output().match(/web app at/g)?.length ?? 0, (started) => started === 3);
    expect(await fetch(`http://127.0.0.1:${port}/ready`).then((r) => r.status)).toBe(200);

    primary.child.kill('SIGTERM');
    await primary.exited;
    expect(primary.child.exitCode).toBe(0);
    expect(primary.output().match(/"msg":"stopped"/g)).toHaveLength(3);
    // The embedded Postgres was stopped by the primary, once: its pid file is gone.
    expect(existsSync(join(scratch.dir, 'postgres', 'pgdata', 'postmaster.pid'))).toBe(false);
    expect(workerPids(pid)).toEqual([]);
  }, 60_000);
});
