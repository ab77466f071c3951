// The physical ceiling: how fast this Postgres, on this machine, in this run, can decrement one hot
// row with 64 clients when there is no application at all.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { BenchPostgres } from './postgres.ts';
import { cpuWindow, treeCpuSeconds } from './proc-stats.ts';

const SCRIPT = 'UPDATE t SET n = n - 1 WHERE id = 1 AND n > 0;\n';

/** pgbench is not among the embedded binaries; Debian's postgresql-contrib/client has it. */
export function findPgbench(): string {
  const candidates = ['/usr/bin/pgbench', ...readdirSafe('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin/pgbench`)];
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  if (process.getuid?.() !== 0) throw new Error('pgbench not found: install postgresql-contrib (apt-get install -y postgresql-contrib)');
  console.log('pgbench not found: installing postgresql-contrib');
  spawnSync('apt-get', ['update'], { stdio: 'ignore' });
  execFileSync('apt-get', ['install', '-y', 'postgresql-contrib'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return findPgbench();
}

function readdirSafe(path: string) {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

export async function runPgbench(postgres: BenchPostgres, clients: number, durationSec: number) {
  const pgbench = findPgbench();
  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  await client.query('DROP TABLE IF EXISTS t; CREATE TABLE t (id int PRIMARY KEY, n int NOT NULL); INSERT INTO t VALUES (1, 2000000000)');
  await client.end();

  const dir = mkdtempSync(join(tmpdir(), 'bench-pgbench-'));
  const script = join(dir, 'hot-row.sql');
  writeFileSync(script, SCRIPT);
  const args = [
    '-n', // no vacuum of pgbench's own tables: we do not use them
    '-c', String(clients),
    '-j', '2',
    '-T', String(durationSec),
    // Prepared statements: the strongest ceiling pgbench offers.
    '-M', 'prepared',
    '-f', script,
    '-h', postgres.host,
    '-p', String(postgres.port),
    '-U', postgres.user,
    postgres.database,
  ];
  const window = cpuWindow({ postgres: () => treeCpuSeconds(postgres.pid()) });
  const child = spawnSync(pgbench, args, { encoding: 'utf8', env: { ...process.env, PGPASSWORD: postgres.password } });
  const cores = window.stop();
  rmSync(dir, { recursive: true, force: true });
  if (child.status !== 0) throw new Error(`pgbench failed: ${child.stderr}`);
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(child.stdout)?.[1]);
  const latencyMs = Number(/latency average = ([\d.]+) ms/.exec(child.stdout)?.[1]);
  return { tps: Math.round(tps), latencyAvgMs: latencyMs, clients, cores };
}
