import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { BOOK_TICKETS, createConcert, createTestApp, graphql, testDatabaseUrl } from './support/test-app.ts';

describe('stop()', () => {
  it('gives up on work that never finishes after shutdownTimeoutMs, says so, and still closes everything', async () => {
    const warnings: string[] = [];
    // No lock timeout: a booking behind a held row would wait for ever.
    const app = createTestApp({
      shutdownTimeoutMs: 300,
      databaseTimeouts: { lockMs: 0, statementMs: 0, idleInTransactionMs: 0 },
      log: { info: () => {}, warn: (msg) => warnings.push(msg), error: () => {} },
    });
    await app.start(0, '127.0.0.1');
    const { concertGid, tierGids, tiers } = await createConcert(app.db, [{ capacity: 10 }]);

    const holder = new pg.Client({ connectionString: testDatabaseUrl() });
    await holder.connect();
    await holder.query('BEGIN');
    const holderPid: number = (await holder.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    await holder.query('SELECT 1 FROM ticket_tiers WHERE id = $1 FOR UPDATE', [tiers[0].id]);
    const stuck = graphql(app, BOOK_TICKETS, {
      input: { concertId: concertGid, items: [{ tierId: tierGids[0], quantity: 1 }], customerEmail: 'a@example.com', idempotencyKey: crypto.randomUUID() },
    }).catch((error: Error) => error);
    while (!(await holder.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))', [holderPid])).rows[0].n) {
      await new Promise((resolve) => setImmediate(resolve));
    }

    const started = Date.now();
    await app.stop();
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(5_000);
    expect(warnings.join('\n')).toMatch(/stopping with .*1 bookings unfinished/);
    expect(app.pool.totalCount).toBe(0);

    await holder.query('ROLLBACK');
    await holder.end();
    await stuck;
  });
});
