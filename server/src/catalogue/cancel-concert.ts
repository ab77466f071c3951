import { and, eq, inArray, sql } from 'drizzle-orm';
import { ConcertAlreadyCancelledError } from '../booking/errors.ts';
import type { TierCatalogue } from '../booking/tier-catalogue.ts';
import type { Database } from '../db/client.ts';
import { bookings, concertCancellations, concerts, ticketTiers } from '../db/schema.ts';
import { changeCatalogue } from './catalogue-changes.ts';
import { syncSalesStop } from './sales-stop.ts';

/**
 * Cancels a concert: in one transaction it is marked cancelled and its refund job is created, and the
 * change is announced like any organizer's change, so every instance's TierCatalogue refuses holds
 * and bookings (NotOnSaleError CANCELLED) as soon as it hears of it. The bookings themselves are
 * cancelled and refunded by the job (concert-cancellation-job.ts), in short batches.
 * Asked again, it changes nothing and answers with the job already under way.
 */
export async function cancelConcert(
  services: { db: Database; tierCatalogue: TierCatalogue },
  concertId: string,
  reason: string,
  requestedBy: string | null,
): Promise<{ concertId: string }> {
  await changeCatalogue(services, concertId, async (tx, concert) => {
    if (concert.cancelledAt) throw new ConcertAlreadyCancelledError(concertId, concert.cancelledAt);
    await tx.update(concerts).set({ cancelledAt: sql`now()`, cancellationReason: reason }).where(eq(concerts.id, concertId));
    // Stopped on the tier rows before counting: that waits for the booking batches in flight, so the
    // count sees them, and no hold or booking commits after it (changeCatalogue's own call is then a no-op).
    await syncSalesStop(tx, concertId);
    // The count is what the job is expected to cancel, for the organizer's progress bar.
    const [{ live }] = await tx
      .select({ live: sql<number>`count(*)::int` })
      .from(bookings)
      .where(and(eq(bookings.concertId, concertId), inArray(bookings.status, ['PENDING', 'CONFIRMED'])));
    const [tier] = await tx.select({ currency: ticketTiers.currency }).from(ticketTiers).where(eq(ticketTiers.concertId, concertId)).limit(1);
    await tx.insert(concertCancellations).values({ concertId, requestedBy, totalBookings: live, currency: tier?.currency ?? 'USD' });
  }, { cancelled: 'allow' });
  return { concertId };
}
