import { sql } from 'drizzle-orm';
import type { StatementRunner } from '../db/named-statement.ts';
import { arrayOf, columnName as col, compileStatement, placeholders } from '../db/named-statement.ts';
import { rateLimits } from '../db/schema.ts';

export interface Quota {
  max: number;
  windowMs: number;
}

export interface RateLimitVerdict {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Until the window ends and the count starts again. */
  resetMs: number;
}

type Params = { keys: string[]; windowMs: number[]; hits: number[] };
type Row = { key: string; hits: number; reset_ms: number };
const p = placeholders<Params>();

/**
 * Adds each key's hits to its current window and returns the new totals, for every key of a batch
 * in one atomic upsert. Windows are aligned to the epoch on Postgres's clock, so every instance
 * counts into the same window; rows are taken in key order so two instances never deadlock.
 *
 * The statement commits without waiting for its WAL flush (synchronous_commit off for its own
 * implicit transaction, set by set_config(..., true) inside it: no extra round trip). Every partner
 * request waits for this statement before it runs, and a durable commit is a disk flush; a crash
 * can at worst forget the last fraction of a second of counts, i.e. let a few requests more through.
 */
const countHits = compileStatement<Params, Row>(
  'rate_limit_hits',
  sql`WITH async_commit AS (
  SELECT set_config('synchronous_commit', 'off', true)
),
incoming AS (
  SELECT key, hits, to_timestamp(floor(extract(epoch FROM statement_timestamp()) * 1000 / window_ms) * window_ms / 1000.0) AS window_starts_at,
    window_ms
  FROM unnest(${arrayOf(p('keys'), rateLimits.key)}, ${p('windowMs')}::int[], ${arrayOf(p('hits'), rateLimits.hits)}) AS t(key, window_ms, hits)
    CROSS JOIN async_commit
  ORDER BY key
),
counted AS (
  INSERT INTO ${rateLimits} (${col(rateLimits.key)}, ${col(rateLimits.windowStartsAt)}, ${col(rateLimits.hits)})
  SELECT key, window_starts_at, hits FROM incoming
  ON CONFLICT (${col(rateLimits.key)}) DO UPDATE SET
    ${col(rateLimits.hits)} = CASE WHEN ${rateLimits.windowStartsAt} >= excluded.${col(rateLimits.windowStartsAt)}
      THEN ${rateLimits.hits} + excluded.${col(rateLimits.hits)} ELSE excluded.${col(rateLimits.hits)} END,
    ${col(rateLimits.windowStartsAt)} = GREATEST(${rateLimits.windowStartsAt}, excluded.${col(rateLimits.windowStartsAt)})
  RETURNING ${col(rateLimits.key)} AS key, ${col(rateLimits.hits)} AS hits, ${col(rateLimits.windowStartsAt)} AS window_starts_at
)
SELECT counted.key, counted.hits,
  (extract(epoch FROM counted.window_starts_at - statement_timestamp()) * 1000 + incoming.window_ms)::float8 AS reset_ms
FROM counted JOIN incoming USING (key)`,
);

const sweepStale = sql`DELETE FROM ${rateLimits} WHERE ${rateLimits.windowStartsAt} < now() - interval '1 day'`;

interface PendingKey {
  quota: Quota;
  waiters: ((verdict: RateLimitVerdict) => void)[];
  failures: ((error: unknown) => void)[];
}

/**
 * Request quotas shared by every server instance, counted in Postgres (fixed windows). Hits that
 * arrive in the same turn of the event loop are counted together, one statement for all keys, so a
 * partner sending thousands of requests a second costs a fraction of a round trip per request.
 */
export class RateLimiter {
  private pending = new Map<string, PendingKey>();
  private scheduled = false;

  constructor(private readonly run: StatementRunner) {}

  hit(key: string, quota: Quota): Promise<RateLimitVerdict> {
    return new Promise((resolve, reject) => {
      let entry = this.pending.get(key);
      if (!entry) this.pending.set(key, (entry = { quota, waiters: [], failures: [] }));
      entry.waiters.push(resolve);
      entry.failures.push(reject);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  /** Drops windows that ended long ago (callers who went away). */
  sweep(db: { execute(query: typeof sweepStale): Promise<unknown> }) {
    return db.execute(sweepStale);
  }

  private async flush() {
    const batch = this.pending;
    this.pending = new Map();
    this.scheduled = false;
    const keys = [...batch.keys()];
    try {
      const rows = await this.run(countHits, {
        keys,
        windowMs: keys.map((key) => batch.get(key)!.quota.windowMs),
        hits: keys.map((key) => batch.get(key)!.waiters.length),
      });
      for (const row of rows) {
        const { quota, waiters } = batch.get(row.key)!;
        const first = row.hits - waiters.length + 1;
        waiters.forEach((resolve, index) => {
          const position = first + index;
          resolve({ allowed: position <= quota.max, limit: quota.max, remaining: Math.max(0, quota.max - position), resetMs: Math.max(0, Math.ceil(row.reset_ms)) });
        });
      }
    } catch (error) {
      for (const { failures } of batch.values()) for (const reject of failures) reject(error);
    }
  }
}
