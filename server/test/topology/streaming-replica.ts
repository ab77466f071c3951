import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.ts';
import { freePort } from '../../src/db/free-port.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';

/**
 * A migrated Postgres primary and a hot standby streaming from it, both the embedded Postgres 18
 * (which ships no pg_basebackup). The standby is a copy of the primary's data directory taken
 * while the primary is cleanly stopped, which is a valid base backup, plus standby.signal and
 * primary_conninfo. Throwaway: no fsync.
 */
export async function startPrimaryAndReplica(dir: string) {
  const settings = { fsync: 'off', wal_level: 'replica' };
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const first = await startEmbeddedPostgres({ dataDir: join(dir, 'primary'), port: primaryPort, settings });
  await migrateDatabase(first.url);
  await first.stop();

  const primaryBase = dirname(first.dataDir);
  const replicaBase = join(dirname(primaryBase), 'replica');
  // cp -a keeps the postgres user's ownership and the 0700 mode Postgres insists on.
  const copied = spawnSync('cp', ['-a', primaryBase, replicaBase], { encoding: 'utf8' });
  if (copied.status !== 0) throw new Error(`copying the primary failed: ${copied.stderr}`);
  const password = readFileSync(join(replicaBase, 'password'), 'utf8').trim();
  const replicaData = join(replicaBase, 'pgdata');
  writeFileSync(join(replicaData, 'standby.signal'), '');
  appendFileSync(join(replicaData, 'postgresql.auto.conf'), `primary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=postgres password=${password}'\n`);
  if (process.getuid?.() === 0) spawnSync('chown', ['-R', '--reference', primaryBase, replicaBase]);

  const primary = await startEmbeddedPostgres({ dataDir: join(dir, 'primary'), port: primaryPort, settings });
  const replica = await startEmbeddedPostgres({ dataDir: replicaBase, port: replicaPort, settings });
  return {
    primaryUrl: primary.url,
    replicaUrl: replica.url,
    async stop() {
      await Promise.all([replica.stop(), primary.stop()]);
    },
  };
}
