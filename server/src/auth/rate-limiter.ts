import { sql } from 'drizzle-orm';
import type { StatementRunner } from '../db/named-statement.ts';
import { arrayOf, columnName as col, compileStatement, placeholders } from '../db/named-statement.ts';
import { rateLimits } from '../db/auth-schema.ts';

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

interface Waiter {
  resolve(verdict: RateLimitVerdict): void;
  reject(error: unknown): void;
}

/** One key as this process sees it. */
interface KeyState {
  quota: Quota;
  /** Hits already counted in Postgres that this process may still hand out, until `endsAt`. */
  allowance: number;
  endsAt: number;
  waiting: Waiter[];
  /** A count for this key is on its way to Postgres; new hits wait for its answer. */
  counting: boolean;
}

/**
 * How many hits a process counts ahead when it asks Postgres anyway: none for small quotas, where
 * exactness matters most, and at most 1/50 of the quota, so that hits counted ahead but unused when
 * a window ends (they can only make instances refuse early, never allow more) stay a small share.
 */
const aheadFor = (quota: Quota) => Math.min(50, Math.floor(quota.max / 50));

/**
 * A busy key's next count goes out while half of its allowance is still left, so its hits keep
 * being answered from the allowance during the round trip instead of all waiting for it (every
 * request of a partner's on-sale waited about once per 50 hits before: 8 % of bookings/s).
 */
const refillBelow = (quota: Quota) => Math.ceil(aheadFor(quota) / 2);

/**
 * Request quotas shared by every server instance, counted in Postgres (fixed windows). A process
 * has at most one count per key on its way at a time: hits arriving meanwhile wait and are counted
 * together in the next statement, which covers every waiting key. A busy key's hits are counted a
 * few ahead, so most hits are answered from that allowance without a round trip. Every hit allowed
 * anywhere was counted in Postgres first, so the instances together never allow more than the quota.
 */
export class RateLimiter {
  private readonly keys = new Map<string, KeyState>();
  private readonly due = new Set<string>();
  private scheduled = false;

  constructor(private readonly run: StatementRunner) {}

  /** A verdict at once when this process's allowance covers the hit; otherwise after counting. */
  hit(key: string, quota: Quota): RateLimitVerdict | Promise<RateLimitVerdict> {
    let state = this.keys.get(key);
    if (!state) this.keys.set(key, (state = { quota, allowance: 0, endsAt: 0, waiting: [], counting: false }));
    const now = Date.now();
    if (state.allowance > 0 && state.endsAt > now) {
      state.allowance -= 1;
      if (state.allowance < refillBelow(quota)) this.schedule(key, state);
      return { allowed: true, limit: quota.max, remaining: state.allowance, resetMs: state.endsAt - now };
    }
    return new Promise((resolve, reject) => {
      state.waiting.push({ resolve, reject });
      this.schedule(key, state);
    });
  }

  /** Drops windows that ended long ago (callers who went away). */
  sweep(db: { execute(query: typeof sweepStale): Promise<unknown> }) {
    return db.execute(sweepStale);
  }

  private schedule(key: string, state: KeyState) {
    if (state.counting) return;
    this.due.add(key);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }

  private async flush() {
    this.scheduled = false;
    const keys = [...this.due];
    this.due.clear();
    const batch = keys.map((key) => {
      const state = this.keys.get(key)!;
      state.counting = true;
      const waiters = state.waiting.splice(0);
      return { key, state, waiters, asked: waiters.length + aheadFor(state.quota) };
    });
    let rows: Row[];
    try {
      rows = await this.run(countHits, {
        keys,
        windowMs: batch.map(({ state }) => state.quota.windowMs),
        hits: batch.map(({ asked }) => asked),
      });
    } catch (error) {
      for (const { key, state, waiters } of batch) {
        for (const waiter of waiters) waiter.reject(error);
        this.settle(key, state);
      }
      return;
    }
    const now = Date.now();
    const byKey = new Map(rows.map((row) => [row.key, row]));
    for (const { key, state, waiters, asked } of batch) {
      const row = byKey.get(key)!;
      const max = state.quota.max;
      const resetMs = Math.max(0, Math.ceil(row.reset_ms));
      // This count holds positions row.hits − asked + 1 … row.hits of the window; those within the
      // quota are allowed, waiters first, the rest kept as this process's allowance.
      const before = row.hits - asked;
      const granted = Math.max(0, Math.min(asked, max - before));
      waiters.forEach((waiter, index) =>
        waiter.resolve({ allowed: index < granted, limit: max, remaining: Math.max(0, max - before - index - 1), resetMs }),
      );
      // Allowance left from a refill's own window is kept; what is left of an earlier window is not
      // counted in this one, so it goes.
      const endsAt = now + resetMs;
      const sameWindow = state.endsAt > now && Math.abs(endsAt - state.endsAt) < state.quota.windowMs / 2;
      state.allowance = (sameWindow ? state.allowance : 0) + Math.max(0, granted - waiters.length);
      state.endsAt = endsAt;
      this.settle(key, state);
    }
  }

  /** After a count: hits that waited for it take the new allowance; the rest are counted next. */
  private settle(key: string, state: KeyState) {
    state.counting = false;
    const now = Date.now();
    while (state.waiting.length > 0 && state.allowance > 0 && state.endsAt > now) {
      state.allowance -= 1;
      state.waiting.shift()!.resolve({ allowed: true, limit: state.quota.max, remaining: state.allowance, resetMs: state.endsAt - now });
    }
    if (state.waiting.length > 0) this.schedule(key, state);
    else if (state.allowance === 0) this.keys.delete(key);
  }
}
