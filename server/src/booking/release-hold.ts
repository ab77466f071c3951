import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { bookings } from '../db/schema.ts';
import { BookingNotHeldError, NotFoundError } from './errors.ts';
import { releaseHolds } from './hold-release.ts';

/**
 * The shopper gives up a hold: its tickets go back on sale at once, exactly once, whatever else
 * races for it (another release, the sweeper, a payment): the first to lock the row decides.
 */
export async function releaseHold(db: Database, bookingId: string): Promise<void> {
  const [{ released }] = (await db.execute<{ released: number }>(releaseHolds(sql`SELECT ${bookingId}::uuid`, 'CANCELLED'))).rows;
  if (released > 0) return;
  const [booking] = await db.select({ status: bookings.status }).from(bookings).where(eq(bookings.id, bookingId));
  if (!booking) throw new NotFoundError('Booking', bookingId);
  if (booking.status === 'PENDING') throw new Error('a pending hold could not be released');
  throw new BookingNotHeldError(booking.status);
}
