import { eq } from 'drizzle-orm';
import { canSeeBooking, grantBooking } from '../auth/booking-visibility.ts';
import { NotFoundError } from '../booking/errors.ts';
import { bookings } from '../db/schema.ts';
import type { Context } from './builder.ts';
import { databaseIdOf } from './global-id.ts';

/**
 * The booking a mutation (pay, release, cancel) is about, once this request has shown it may act on
 * it: by the booking's secret link (`accessToken`, no read needed) or by who it is. Anyone else gets
 * the same NotFoundError as for an id that does not exist, so ids cannot be probed.
 */
export async function bookingToActOn(ctx: Context, globalId: string, accessToken: string | null | undefined): Promise<string> {
  const id = databaseIdOf(globalId, 'Booking');
  if (!id) throw new NotFoundError('Booking', globalId, true);
  if (ctx.bookingAccess.allows(id, accessToken)) {
    grantBooking(ctx, id);
    return id;
  }
  const [booking] = await ctx.db
    .select({ id: bookings.id, customerEmail: bookings.customerEmail, apiKeyId: bookings.apiKeyId, userId: bookings.userId, concertId: bookings.concertId })
    .from(bookings)
    .where(eq(bookings.id, id));
  if (!booking || !(await canSeeBooking(ctx, booking))) throw new NotFoundError('Booking', globalId, true);
  return id;
}
