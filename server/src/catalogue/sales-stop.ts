import { sql } from 'drizzle-orm';
import type { Transaction } from '../db/client.ts';
import { columnName as col } from '../db/named-statement.ts';
import { concerts, ticketTiers } from '../db/schema.ts';

/**
 * Writes on the concert's tier rows whether it sells, in the transaction of the organizer's change
 * (which holds the concert's lock, so nobody else changes these flags meanwhile).
 *
 * Each instance's TierCatalogue hears of a pause, an unpublishing or a cancellation a moment after
 * it commits, and a booking priced in that moment would otherwise still commit after it: the
 * mutation "stops sales at once" only if the rows every sale locks say so. A trigger (migration
 * sales_stopped) refuses any update that takes tickets from a stopped tier; the booking batch then
 * decides booking by booking and answers those bookings `salesStopped` (commit-booking-batch.ts).
 *
 * Only tiers whose flag changes are written, so a rename or a new price does not wait on the
 * on-sale's tier locks. Those that are wait for the batches in flight, which commit first (and are
 * counted by whatever the caller reads next); they are locked in id order, like every booking
 * batch, so neither can deadlock the other.
 */
export async function syncSalesStop(tx: Transaction, concertId: string): Promise<void> {
  await tx.execute(sql`
WITH wanted AS (
  SELECT ${concerts.salesPaused} OR NOT ${concerts.published} OR ${concerts.cancelledAt} IS NOT NULL AS stopped
  FROM ${concerts} WHERE ${concerts.id} = ${concertId}
),
locked AS MATERIALIZED (
  SELECT ${ticketTiers.id} AS id FROM ${ticketTiers}, wanted
  WHERE ${ticketTiers.concertId} = ${concertId} AND ${ticketTiers.salesStopped} IS DISTINCT FROM wanted.stopped
  ORDER BY ${ticketTiers.id}
  FOR UPDATE OF ${ticketTiers}
)
UPDATE ${ticketTiers} SET ${col(ticketTiers.salesStopped)} = wanted.stopped
FROM wanted WHERE ${ticketTiers.id} IN (SELECT id FROM locked)`);
}
