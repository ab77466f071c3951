// The bench's own Postgres: a fresh embedded cluster with durable settings, so figures are those
// of a database that would survive a power cut, and never of the developer's `.data` cluster.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../server/src/db/embedded-postgres.ts';
import { migrateDatabase } from '../server/src/db/migrate.ts';
import { freePort } from '../server/src/db/free-port.ts';
import { parentPid } from './proc-stats.ts';

/** Written out rather than left to defaults so the results file says what was measured. */
export const DURABLE_SETTINGS = {
  fsync: 'on',
  synchronous_commit: 'on',
  full_page_writes: 'on',
  max_connections: 300,
  // Room for the bench data without a checkpoint storm in the middle of a phase.
  max_wal_size: '4GB',
};

export interface BenchPostgres {
  /** The migrated bench database. */
  url: string;
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  /** The postmaster's pid, to sum the CPU of its backends. */
  pid: () => number;
  stop(): Promise<void>;
}

export async function startBenchPostgres(): Promise<BenchPostgres> {
  const dataDir = mkdtempSync(join(tmpdir(), 'concert-tickets-bench-'));
  const port = await freePort();
  const cluster = await startEmbeddedPostgres({ dataDir, port, settings: DURABLE_SETTINGS });
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('CREATE DATABASE bench');
  const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE backend_type = $1', ['checkpointer']);
  await admin.end();
  const url = new URL(cluster.url);
  url.pathname = '/bench';
  await migrateDatabase(url.toString());
  const postmasterPid = parentPid(rows[0].pid);
  return {
    url: url.toString(),
    host: url.hostname,
    port,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: 'bench',
    pid: () => postmasterPid,
    async stop() {
      await cluster.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** "PostgreSQL 16.4", for the report's machine line. */
export async function postgresVersion(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ v: string }>("SELECT 'PostgreSQL ' || current_setting('server_version') AS v");
  await client.end();
  return rows[0].v;
}
