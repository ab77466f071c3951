import { sql } from 'drizzle-orm';
import type { Transaction } from '../db/client.ts';
import { concerts, ticketTiers } from '../db/schema.ts';
import { notifyChangedTiers } from '../events/availability-channel.ts';

/**
 * Every change an organizer makes to a concert or its tiers is announced here with the concert's
 * id, so that every instance's TierCatalogue forgets what it cached of that concert at once.
 */
export const CATALOGUE_CHANGED_CHANNEL = 'catalogue_changed';

/**
 * Announces a change to concert `concertId` inside the transaction that makes it: delivered on
 * commit, dropped on rollback. One statement: the catalogue notice, and an availability notice for
 * every tier of the concert so open pages re-read it (its sales status, a new price or capacity).
 * An unpublished concert's tiers are not announced: shoppers must not learn of it from the feed.
 */
export async function announceCatalogueChange(tx: Transaction, concertId: string) {
  const tiersOfPublishedConcert = sql`(
    SELECT ${ticketTiers.id} AS id, ${ticketTiers.concertId} AS concert_id FROM ${ticketTiers}
    JOIN ${concerts} ON ${concerts.id} = ${ticketTiers.concertId}
    WHERE ${ticketTiers.concertId} = ${concertId} AND ${concerts.published}
  ) AS changed`;
  await tx.execute(sql`WITH availability AS (${notifyChangedTiers(tiersOfPublishedConcert)})
    SELECT pg_notify(${CATALOGUE_CHANGED_CHANNEL}, ${concertId}::text), (SELECT count(*) FROM availability)`);
}
