import { BookingNotHeldError, NotFoundError } from '../../booking/errors.ts';
import { releaseHold } from '../../booking/release-hold.ts';
import { builder } from '../builder.ts';
import { bookingToActOn } from '../acting-on-booking.ts';
import { BookingRef } from './booking.ts';

const ReleaseHoldSuccess = builder.objectRef<{ bookingId: string }>('ReleaseHoldSuccess').implement({
  fields: (t) => ({
    booking: t.drizzleField({
      type: BookingRef,
      resolve: async (query, result, _args, ctx) => (await ctx.db.query.bookings.findFirst(query({ where: { id: result.bookingId } })))!,
    }),
  }),
});

builder.mutationField('releaseHold', (t) =>
  t.field({
    type: ReleaseHoldSuccess,
    description:
      'Gives up a hold: its tickets go back on sale at once. Releasing twice, a paid or expired booking, or a hold whose payment is still being decided (status PAYMENT_IN_PROGRESS) is a BookingNotHeldError.',
    errors: { types: [NotFoundError, BookingNotHeldError], directResult: true, union: { name: 'ReleaseHoldResult' } },
    authScopes: { $any: { shopper: true, partner: 'bookings:write' } },
    args: { bookingId: t.arg.id({ required: true }), accessToken: t.arg.string({ description: "The booking's secret link token (Booking.accessToken), for a guest; not needed by its signed-in shopper or partner." }) },
    resolve: async (_root, args, ctx) => {
      const bookingId = await bookingToActOn(ctx, String(args.bookingId), args.accessToken);
      await releaseHold(ctx.db, bookingId);
      return { bookingId };
    },
  }),
);
