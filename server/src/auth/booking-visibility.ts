import type { Context } from '../graphql/builder.ts';

export interface BookingOwnership {
  id: string;
  customerEmail: string;
  apiKeyId: string | null;
  userId: string | null;
}

/**
 * Who may see a booking (and the shopper's personal data in it) or act on it: organizers; the
 * partner key that made it; the signed-in shopper who made it or whose verified email it was made
 * with; and whoever shows its secret link or just made it (ctx.bookingGrants).
 */
/** This request may see the booking from now on (it showed the link, or made the booking). */
export function grantBooking(ctx: Context, bookingId: string) {
  (ctx.bookingGrants ??= new Set()).add(bookingId);
}

export function canSeeBooking(ctx: Context, booking: BookingOwnership) {
  if (ctx.bookingGrants?.has(booking.id)) return true;
  const { viewer } = ctx;
  if (viewer.kind === 'partner') return booking.apiKeyId === viewer.apiKey.id;
  if (viewer.kind === 'user') {
    const { user } = viewer;
    return user.role === 'organizer' || booking.userId === user.id || (user.emailVerified && booking.customerEmail.toLowerCase() === user.email.toLowerCase());
  }
  return false;
}
