import type { Context } from '../graphql/builder.ts';
import { organizerIdOf, ownsConcertId } from './concert-ownership.ts';

export interface BookingOwnership {
  id: string;
  customerEmail: string;
  apiKeyId: string | null;
  userId: string | null;
  concertId: string;
}

/**
 * Who may see a booking (and the shopper's personal data in it) or act on it: the organizer of its concert; the
 * partner key that made it; the signed-in shopper who made it or whose verified email it was made
 * with; and whoever shows its secret link or just made it (ctx.bookingGrants).
 */
/** This request may see the booking from now on (it showed the link, or made the booking). */
export function grantBooking(ctx: Context, bookingId: string) {
  (ctx.bookingGrants ??= new Set()).add(bookingId);
}

/**
 * Answers at once for everyone but organizers (the booking hot path stays free of reads); an
 * organizer's answer needs the concert's owner, read once per request for every concert asked about
 * (auth/concert-ownership.ts), so a page of 50 orders costs one query, not 50.
 */
export function canSeeBooking(ctx: Context, booking: BookingOwnership): boolean | Promise<boolean> {
  if (ctx.bookingGrants?.has(booking.id)) return true;
  const { viewer } = ctx;
  if (viewer.kind === 'partner') return booking.apiKeyId === viewer.apiKey.id;
  if (viewer.kind === 'user') {
    const { user } = viewer;
    if (booking.userId === user.id || (user.emailVerified && booking.customerEmail.toLowerCase() === user.email.toLowerCase())) return true;
    return organizerIdOf(viewer) !== null && ownsConcertId(ctx, booking.concertId);
  }
  return false;
}
