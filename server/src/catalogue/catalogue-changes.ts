import { eq, sql } from 'drizzle-orm';
import { ConcertAlreadyCancelledError, NotFoundError } from '../booking/errors.ts';
import { CATALOGUE_CHANGED_CHANNEL, type TierCatalogue } from '../booking/tier-catalogue.ts';
import type { Database, Transaction } from '../db/client.ts';
import { concerts, ticketTiers } from '../db/schema.ts';
import { notifyChangedTiers } from '../events/availability-channel.ts';
import { syncSalesStop } from './sales-stop.ts';

/**
 * Announces a change to concert `concertId` inside the transaction that makes it: delivered on
 * commit, dropped on rollback. One statement: the catalogue notice (every instance's TierCatalogue
 * forgets the concert), and an availability notice for every tier of the concert so that open
 * pages re-read it (its sales status, a new price or capacity). An unpublished concert's tiers are
 * not announced: shoppers must not learn of it from the feed.
 */
async function announceCatalogueChange(tx: Transaction, concertId: string) {
  const tiersOfPublishedConcert = sql`(
    SELECT ${ticketTiers.id} AS id, ${ticketTiers.concertId} AS concert_id FROM ${ticketTiers}
    JOIN ${concerts} ON ${concerts.id} = ${ticketTiers.concertId}
    WHERE ${ticketTiers.concertId} = ${concertId} AND ${concerts.published}
  ) AS changed`;
  await tx.execute(sql`WITH availability AS (${notifyChangedTiers(tiersOfPublishedConcert)})
    SELECT pg_notify(${CATALOGUE_CHANGED_CHANNEL}, ${concertId}::text), (SELECT count(*) FROM availability)`);
}

export type LockedConcert = typeof concerts.$inferSelect;

/**
 * Runs an organizer's change of one concert (or its tiers) in a transaction that also announces it.
 * This instance forgets the concert as soon as it commits, without waiting for its own notice.
 * `work` throws to refuse the change; then nothing is written or announced.
 *
 * The concert's row is locked first, here and only here, and handed to `work`: changes of one
 * concert queue up behind it, so `work` reads a row nobody else is changing. The lock is FOR NO KEY
 * UPDATE: a booking's foreign-key check (FOR KEY SHARE) does not wait for it, so an organizer's
 * change never stalls the concert's on-sale. FOR UPDATE would; a shared lock would deadlock two
 * changes that both go on to update the row. A missing concert is a NotFoundError. A cancelled
 * concert sells nothing again, so nothing of it changes any more (ConcertAlreadyCancelledError);
 * only the cancellation itself passes `{ cancelled: 'allow' }`. Whether the concert now sells is
 * written on its tier rows too (sales-stop.ts), so that no sale commits after a stop.
 */
export async function changeCatalogue<T>(
  { db, tierCatalogue }: { db: Database; tierCatalogue: TierCatalogue },
  concertId: string,
  work: (tx: Transaction, concert: LockedConcert) => Promise<T>,
  options: { cancelled: 'refuse' | 'allow' } = { cancelled: 'refuse' },
): Promise<T> {
  const result = await db.transaction(async (tx) => {
    const [concert] = await tx.select().from(concerts).where(eq(concerts.id, concertId)).for('no key update');
    if (!concert) throw new NotFoundError('Concert', concertId);
    if (concert.cancelledAt && options.cancelled === 'refuse') throw new ConcertAlreadyCancelledError(concertId, concert.cancelledAt);
    const changed = await work(tx, concert);
    await syncSalesStop(tx, concertId);
    await announceCatalogueChange(tx, concertId);
    return changed;
  });
  tierCatalogue.forgetConcert(concertId);
  return result;
}
