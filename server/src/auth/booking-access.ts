import { createHmac, timingSafeEqual } from 'node:crypto';
import { encodeGlobalID } from '@pothos/plugin-relay';

/**
 * The secret in a guest's booking link. It is derived from the booking id with the server's secret
 * rather than stored, so an idempotent replay can hand the same link back and nothing needs a
 * lookup. Rotating AUTH_SECRET invalidates every link (and every session) at once.
 */
export class BookingAccess {
  constructor(private readonly secret: string) {}

  tokenFor(bookingId: string) {
    return createHmac('sha256', this.secret).update(`booking-access:${bookingId}`).digest('base64url');
  }

  allows(bookingId: string, token: string | null | undefined) {
    if (!token) return false;
    const expected = Buffer.from(this.tokenFor(bookingId));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

/** Links to a booking's page that open it for whoever has them (emails go to the shopper only). */
export class BookingLinks {
  constructor(
    private readonly publicUrl: string,
    private readonly access: BookingAccess,
  ) {}

  url(bookingId: string) {
    return `${this.publicUrl.replace(/\/$/, '')}/bookings/${encodeGlobalID('Booking', bookingId)}?access=${this.access.tokenFor(bookingId)}`;
  }
}
