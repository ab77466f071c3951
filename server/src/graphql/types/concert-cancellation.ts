import { encodeGlobalID } from '@pothos/plugin-relay';
import { ConcertAlreadyCancelledError, NotFoundError, ValidationError } from '../../booking/errors.ts';
import { cancelConcert } from '../../catalogue/cancel-concert.ts';
import { builder } from '../builder.ts';
import { ErrorInterface } from './booking-errors.ts';
import { concertIdFrom } from './concert-admin.ts';
import { ownsConcert } from '../../auth/concert-ownership.ts';
import { ownConcertArg } from '../concert-owner-only.ts';
import { ConcertRef } from './concert.ts';
import { MoneyTotalRef } from './money.ts';

// Cancelling a concert: the mutation stops sales and creates the job; the job
// (catalogue/concert-cancellation-job.ts) cancels and refunds the bookings in batches.

const CancellationStatusRef = builder.enumType('ConcertCancellationStatus', {
  values: {
    RUNNING: { description: 'Bookings are being cancelled and refunded.' },
    DONE: { description: 'Every booking is cancelled and every payment refunded.' },
  } as const,
});

export const ConcertCancellationRef = builder.drizzleObject('concertCancellations', {
  name: 'ConcertCancellation',
  description: "Progress of a cancelled concert's refunds, for organizers.",
  fields: (t) => ({
    status: t.field({ type: CancellationStatusRef, resolve: (job) => job.status }),
    requestedAt: t.expose('requestedAt', { type: 'DateTime' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
    total: t.exposeInt('totalBookings', { description: 'Holds and bookings live when the concert was cancelled, and any a booking in flight then committed after it: never fewer than bookingsCancelled.' }),
    bookingsCancelled: t.exposeInt('cancelledCount'),
    refunded: t.field({ type: MoneyTotalRef, description: "Everything refunded on this concert's payments so far, by the job or before it.", resolve: (job) => ({ cents: job.refundedCents, currency: job.currency }) }),
    lastError: t.exposeString('lastError', { nullable: true, description: 'The last refund the processor refused; it is tried again.' }),
  }),
});

builder.drizzleObjectFields(ConcertRef, (t) => ({
  cancelledAt: t.expose('cancelledAt', { type: 'DateTime', nullable: true, description: 'Set when an organizer cancelled the concert (salesStatus CANCELLED).' }),
  cancellationReason: t.exposeString('cancellationReason', { nullable: true }),
  cancellation: t.relation('cancellation', {
    type: ConcertCancellationRef,
    nullable: true,
    // The loaded concert row carries its organizer: no query. Others (another organizer included)
    // get null, as for a concert that is not cancelled: the job's figures are its organizer's.
    authScopes: (concert, _args, ctx) => ownsConcert(ctx, concert),
    unauthorizedResolver: () => null,
    description: "The refund job of a cancelled concert, for its organizer; null while it is not cancelled, and for anyone else.",
  }),
}));

builder.objectType(ConcertAlreadyCancelledError, {
  name: 'ConcertAlreadyCancelledError',
  description: 'The concert was cancelled before; nothing changed. Its job is the one under way.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    concertId: t.id({ resolve: (error) => encodeGlobalID('Concert', error.concertId) }),
    cancelledAt: t.expose('cancelledAt', { type: 'DateTime' }),
    job: t.drizzleField({
      type: ConcertCancellationRef,
      resolve: async (query, error, _args, ctx) => (await ctx.db.query.concertCancellations.findFirst(query({ where: { concertId: error.concertId } })))!,
    }),
  }),
});

const CancelConcertSuccess = builder.objectRef<{ concertId: string }>('CancelConcertSuccess').implement({
  fields: (t) => ({
    concert: t.drizzleField({
      type: ConcertRef,
      resolve: async (query, result, _args, ctx) => (await ctx.db.query.concerts.findFirst(query({ where: { id: result.concertId } })))!,
    }),
    job: t.drizzleField({
      type: ConcertCancellationRef,
      resolve: async (query, result, _args, ctx) => (await ctx.db.query.concertCancellations.findFirst(query({ where: { concertId: result.concertId } })))!,
    }),
  }),
});

builder.mutationField('cancelConcert', (t) =>
  t.field({
    type: CancelConcertSuccess,
    description:
      'Cancels a concert: holds and bookings are refused at once on every instance (NotOnSaleError CANCELLED), and a job cancels every booking and hold, refunds every card payment and emails every customer whose booking or hold it cancels, with the reason. A second call changes nothing (ConcertAlreadyCancelledError, with the same job).',
    ...ownConcertArg('concertId'),
    errors: { types: [NotFoundError, ConcertAlreadyCancelledError, ValidationError], directResult: true, union: { name: 'CancelConcertResult' } },
    args: { concertId: t.arg.id({ required: true }), reason: t.arg.string({ required: true, description: 'Shown with the concert (Concert.cancellationReason) and told to every customer in their cancellation email.' }) },
    resolve: async (_root, args, ctx) => {
      const concertId = concertIdFrom(args.concertId);
      const reason = args.reason.trim();
      if (reason.length === 0 || reason.length > 500) throw new ValidationError('A reason of 1 to 500 characters is required', 'reason');
      const requestedBy = ctx.viewer.kind === 'user' ? ctx.viewer.user.id : null;
      return cancelConcert(ctx, concertId, reason, requestedBy);
    },
  }),
);
