// What the sales rollup's stale-minute trigger costs the statements it fires on (a hold paid,
// expired or released, a booking cancelled). `npx tsx bench/stale-trigger-cost.ts [--seconds=10]
// [--rounds=3]`: a fresh durable Postgres, 100,000 bookings, and pgbench flipping one random
// booking's status per transaction (8 clients), with the trigger enabled and disabled in
// alternating rounds. The booking insert itself has no trigger and is not measured here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { findPgbench } from './pgbench.ts';
import { startBenchPostgres } from './postgres.ts';
import { median } from './stats.ts';

const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const seconds = Number(args.get('seconds') ?? 10);
const rounds = Number(args.get('rounds') ?? 3);
const BOOKINGS = 100_000;
const SCRIPT = `\\set n random(0, ${BOOKINGS - 1})
UPDATE bookings SET status = CASE status WHEN 'CONFIRMED' THEN 'PENDING' ELSE 'CONFIRMED' END::booking_status WHERE idempotency_key = 'trigger-cost:' || :n;
`;

const pgbench = findPgbench();
const postgres = await startBenchPostgres();
const dir = mkdtempSync(join(tmpdir(), 'bench-trigger-'));
try {
  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  const { rows: [concert] } = await client.query<{ id: string }>(`INSERT INTO concerts (name, venue, starts_at) VALUES ('Trigger cost', 'Bench Arena', now()) RETURNING id`);
  await client.query(
    `INSERT INTO bookings (concert_id, status, customer_email, total_cents, idempotency_key, request_fingerprint, created_at)
     SELECT $1, 'CONFIRMED', 'fan@example.com', 1000, 'trigger-cost:' || n, 'x', now() - n * interval '1 second' FROM generate_series(0, $2 - 1) AS n`,
    [concert.id, BOOKINGS],
  );
  await client.query('ANALYZE bookings');
  const script = join(dir, 'flip.sql');
  writeFileSync(script, SCRIPT);
  const tps: Record<'enabled' | 'disabled' | 'warm-up', number[]> = { enabled: [], disabled: [], 'warm-up': [] };
  // A warm-up round first (cold caches made the first round of either kind the slowest).
  for (let round = -1; round < rounds; round++) {
    for (const state of round < 0 ? (['warm-up'] as const) : (['enabled', 'disabled'] as const)) {
      await client.query(`ALTER TABLE bookings ${state === 'disabled' ? 'DISABLE' : 'ENABLE'} TRIGGER bookings_sales_rollup_stale`);
      // What the rollup job would do every second: consume the marks.
      await client.query('TRUNCATE sales_rollup_stale');
      const run = spawnSync(pgbench, ['-n', '-c', '8', '-j', '2', '-T', String(seconds), '-M', 'prepared', '-f', script, '-h', postgres.host, '-p', String(postgres.port), '-U', postgres.user, postgres.database], {
        encoding: 'utf8',
        env: { ...process.env, PGPASSWORD: postgres.password },
      });
      if (run.status !== 0) throw new Error(run.stderr);
      tps[state].push(Number(/tps = ([\d.]+) \(without/.exec(run.stdout)?.[1]));
      console.log(`round ${round + 1}, ${state === 'warm-up' ? 'warm-up' : `trigger ${state}`}: ${tps[state].at(-1)!.toFixed(0)} TPS`);
    }
  }
  await client.end();
  const enabled = median(tps.enabled);
  const disabled = median(tps.disabled);
  console.log(`median: trigger enabled ${enabled.toFixed(0)} TPS, disabled ${disabled.toFixed(0)} TPS, ratio ${(enabled / disabled).toFixed(3)}; ` +
    `${((1 / enabled - 1 / disabled) * 8 * 1e6).toFixed(0)} µs more wall time per status change at 8 clients`);
} finally {
  rmSync(dir, { recursive: true, force: true });
  await postgres.stop();
}
