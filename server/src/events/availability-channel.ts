import { sql, type SQL } from 'drizzle-orm';

/**
 * NOTIFY channels for availability changes. Every change is sent on the concert's own channel and on
 * the all-concerts channel, so a process LISTENs only to what its subscribers watch. Payloads carry
 * ids only (NOTIFY payloads are limited to 8000 bytes); receivers re-read the current rows.
 */
export const ALL_CONCERTS_CHANNEL = 'availabilityChanged';

export function concertChannel(concertId: string) {
  return `${ALL_CONCERTS_CHANNEL}:${concertId}`;
}

export interface AvailabilityNotice {
  concertId: string;
  tierIds: string[];
}

// 100 uuids (≈3.9 KB of JSON) stays far below the payload limit.
const TIERS_PER_NOTICE = 100;

/**
 * The one definition of what is sent: given a relation of changed tiers with columns `id` and
 * `concert_id` (a CTE name, or a parenthesised subquery with an alias), a SELECT that notifies each
 * concert's channel and the all-concerts channel with an AvailabilityNotice per 100 tiers.
 * Postgres delivers it on commit only, so it belongs inside the transaction (or statement) that
 * changed the tiers.
 */
export function notifyChangedTiers(changedTiers: SQL): SQL {
  return sql`SELECT pg_notify(channels.channel, notices.payload)
    FROM (
      SELECT concert_id, json_build_object('concertId', concert_id, 'tierIds', json_agg(id ORDER BY id))::text AS payload
      FROM (
        SELECT id, concert_id, (row_number() OVER (PARTITION BY concert_id ORDER BY id) - 1) / ${sql.raw(String(TIERS_PER_NOTICE))} AS chunk
        FROM ${changedTiers}
      ) AS chunked
      GROUP BY concert_id, chunk
    ) AS notices,
    LATERAL (VALUES (${concertChannel('')}::text || notices.concert_id), (${ALL_CONCERTS_CHANNEL}::text)) AS channels(channel)`;
}

/** A statement that notifies every changed tier of a map built in the application. */
export function notifyAvailabilityChanged(tierIdsByConcert: Map<string, Iterable<string>>): SQL | null {
  const rows: SQL[] = [];
  for (const [concertId, tierIds] of tierIdsByConcert) {
    for (const tierId of tierIds) rows.push(sql`(${tierId}::uuid, ${concertId}::uuid)`);
  }
  if (rows.length === 0) return null;
  return notifyChangedTiers(sql`(VALUES ${sql.join(rows, sql`, `)}) AS changed(id, concert_id)`);
}

export function parseAvailabilityNotice(payload: string): AvailabilityNotice | null {
  try {
    const notice = JSON.parse(payload) as Partial<AvailabilityNotice>;
    if (typeof notice.concertId !== 'string' || !Array.isArray(notice.tierIds)) return null;
    return { concertId: notice.concertId, tierIds: notice.tierIds.filter((id) => typeof id === 'string') };
  } catch {
    return null;
  }
}
