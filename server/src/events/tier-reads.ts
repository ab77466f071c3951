import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { ticketTiers } from '../db/schema.ts';
import type { TierRow } from './tier-row.ts';

/** The reads behind the availability feed; tests wrap them to make one fail. */
export interface TierReads {
  /** The current rows of tiers a NOTIFY named. */
  changed(tierIds: string[]): Promise<TierRow[]>;
  /** Every tier of one concert, or of all concerts with null, in display order. */
  all(concertId: string | null): Promise<TierRow[]>;
}

export function readTiersFrom(db: Database): TierReads {
  return {
    changed: (tierIds) => db.select().from(ticketTiers).where(inArray(ticketTiers.id, tierIds)),
    all: (concertId) =>
      db
        .select()
        .from(ticketTiers)
        .where(concertId ? eq(ticketTiers.concertId, concertId) : undefined)
        .orderBy(asc(ticketTiers.concertId), asc(ticketTiers.position)),
  };
}
