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

/** One statement that notifies every changed tier; run it inside the transaction that changed them. */
export function notifyAvailabilityChanged(tierIdsByConcert: Map<string, Iterable<string>>): SQL | null {
  const rows: SQL[] = [];
  for (const [concertId, tierIds] of tierIdsByConcert) {
    const ids = [...tierIds];
    for (let start = 0; start < ids.length; start += TIERS_PER_NOTICE) {
      const payload = JSON.stringify({ concertId, tierIds: ids.slice(start, start + TIERS_PER_NOTICE) } satisfies AvailabilityNotice);
      rows.push(sql`(${concertChannel(concertId)}, ${payload})`, sql`(${ALL_CONCERTS_CHANNEL}, ${payload})`);
    }
  }
  if (rows.length === 0) return null;
  return sql`SELECT pg_notify(channel, payload) FROM (VALUES ${sql.join(rows, sql`, `)}) AS notices(channel, payload)`;
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
