import { cancelBooking, type CancelBookingResult } from '../../booking/cancel-booking.ts';
import { BookingNotCancellableError, NotFoundError } from '../../booking/errors.ts';
import { builder } from '../builder.ts';
import { bookingToActOn } from '../acting-on-booking.ts';
import { BookingRef } from './booking.ts';
import { MoneyRef } from './money.ts';

const CancelBookingSuccess = builder.objectRef<CancelBookingResult>('CancelBookingSuccess').implement({
  fields: (t) => ({
    booking: t.drizzleField({
      type: BookingRef,
      resolve: async (query, result, _args, ctx) => (await ctx.db.query.bookings.findFirst(query({ where: { id: result.bookingId } })))!,
    }),
    refunded: t.field({
      type: MoneyRef,
      description: 'What was given back to the card (zero for a booking nobody paid for here).',
      resolve: (result) => ({ cents: result.refundedCents, currency: result.currency }),
    }),
  }),
});

builder.mutationField('cancelBooking', (t) =>
  t.field({
    type: CancelBookingSuccess,
    description:
      'Cancels a booking until its concert starts: the tickets go back on sale and a card payment is refunded. A hold is released, unless its payment is still being decided (BookingNotCancellableError PAYMENT_IN_PROGRESS).',
    errors: { types: [NotFoundError, BookingNotCancellableError], directResult: true, union: { name: 'CancelBookingResult' } },
    authScopes: { $any: { shopper: true, partner: 'bookings:write' } },
    args: { bookingId: t.arg.id({ required: true }), accessToken: t.arg.string({ description: "The booking's secret link token (Booking.accessToken), for a guest; not needed by its signed-in shopper or partner." }) },
    resolve: async (_root, args, ctx) => cancelBooking(ctx, await bookingToActOn(ctx, String(args.bookingId), args.accessToken)),
  }),
);
