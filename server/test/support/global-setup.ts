import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { freePort } from '../../src/db/free-port.ts';
import { insertTestPartner } from './test-partner.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    /** A partner key with every scope and no practical quota: what most tests act as. */
    partnerKey: string;
  }
}

/**
 * One real, migrated Postgres database for the run: TEST_DATABASE_URL or DATABASE_URL when set
 * (a fresh database is created in it), otherwise a throwaway embedded cluster.
 */
export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let stopCluster = async () => {};
  let serverUrl: string;
  let dataDir: string | undefined;
  if (external) {
    serverUrl = external;
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'concert-tickets-test-'));
    // mkdtemp makes it root-only; the postgres user must be able to enter it.
    chmodSync(dataDir, 0o755);
    // Durability is irrelevant for a throwaway test cluster; benchmarks use durable defaults.
    const cluster = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: 300 },
    });
    serverUrl = cluster.url;
    stopCluster = cluster.stop;
  }

  const databaseName = `concert_tickets_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${databaseName}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  await migrateDatabase(url.toString());
  project.provide('databaseUrl', url.toString());
  const partnerKey = `ct_test_${randomBytes(24).toString('base64url')}`;
  await insertTestPartner(url.toString(), partnerKey);
  project.provide('partnerKey', partnerKey);

  return async () => {
    if (external) {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
      await cleanup.end();
    }
    await stopCluster();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}
