import { BookingNotHeldError, NotFoundError } from '../../booking/errors.ts';
import { releaseHold } from '../../booking/release-hold.ts';
import { builder } from '../builder.ts';
import { databaseIdOf } from '../global-id.ts';
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
    args: { bookingId: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const bookingId = databaseIdOf(String(args.bookingId), 'Booking');
      if (!bookingId) throw new NotFoundError('Booking', String(args.bookingId), true);
      await releaseHold(ctx.db, bookingId);
      return { bookingId };
    },
  }),
);
