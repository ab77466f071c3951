import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/db/embedded-postgres.ts';
import { freePort } from '../../src/db/free-port.ts';

// `npm start` without DATABASE_URL runs its own Postgres; killed under it, it comes back by itself.
const dataDir = mkdtempSync(join(tmpdir(), 'concert-tickets-killed-'));
chmodSync(dataDir, 0o755); // the postgres user must be able to enter it
let postgres: EmbeddedPostgres | undefined;
afterAll(async () => {
  await postgres?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const postmasterPid = () => Number(readFileSync(join(postgres!.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the embedded Postgres', () => {
  it('is started again, on the same port and data, when it is killed; stop() then stops the new one', async () => {
    const lost: Error[] = [];
    postgres = await startEmbeddedPostgres({ dataDir, port: await freePort(), settings: { fsync: 'off' }, onLost: (error) => lost.push(error) });
    const pool = new pg.Pool({ connectionString: postgres.url, max: 1 });
    pool.on('error', () => {}); // the idle connection dies with its postmaster
    try {
      await pool.query('CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)');
      const first = postmasterPid();
      process.kill(first, 'SIGKILL');
      // A backend of the killed postmaster may still answer for a moment: wait for the new postmaster.
      await expect.poll(() => isAlive(first), { timeout: 5_000 }).toBe(false);
      await expect.poll(() => postmasterPid(), { timeout: 20_000, interval: 200 }).not.toBe(first);
      await expect
        .poll(async () => (await pool.query('SELECT n FROM kept').catch(() => ({ rows: [] }))).rows[0]?.n, { timeout: 20_000, interval: 200 })
        .toBe(42);
      const second = postmasterPid();
      expect(lost).toEqual([]);
      await pool.end();
      await postgres.stop();
      expect(isAlive(second)).toBe(false);
    } finally {
      await pool.end().catch(() => {});
    }
  });
});
