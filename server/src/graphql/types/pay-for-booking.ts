import { BookingNotPayableError, IdempotencyKeyReusedError, NotFoundError, PaidTooLateError, PaymentDeclinedError, ValidationError } from '../../booking/errors.ts';
import { payForBooking, type PayForBookingResult } from '../../payments/pay-for-booking.ts';
import { builder } from '../builder.ts';
import { bookingToActOn } from '../acting-on-booking.ts';
import { BookingRef } from './booking.ts';
import { PaymentRef } from './payment.ts';

const CardInput = builder.inputType('CardInput', {
  description: 'A card as typed. Test cards: 4242 4242 4242 4242 succeeds; 4000 0000 0000 0002 is declined; 4000 0000 0000 9995 is declined for insufficient funds; 4000 0000 0000 3220 is decided later (PROCESSING); 4000 0000 0000 0119 times out (UNKNOWN, settled later).',
  fields: (t) => ({
    number: t.string({ required: true }),
    expMonth: t.int({ required: true }),
    expYear: t.int({ required: true }),
    cvc: t.string({ required: true }),
  }),
});

const PayForBookingInput = builder.inputType('PayForBookingInput', {
  fields: (t) => ({
    bookingId: t.id({ required: true }),
    card: t.field({ type: CardInput, required: true }),
    accessToken: t.string({ description: "The booking's secret link token (Booking.accessToken), for a guest; not needed by its signed-in shopper or partner." }),
    idempotencyKey: t.string({
      required: true,
      description: 'Client-chosen key for this attempt (1-255 chars): the same key replays its outcome and never charges again.',
    }),
  }),
});

const PayForBookingSuccess = builder.objectRef<PayForBookingResult>('PayForBookingSuccess').implement({
  description: 'The attempt was accepted: booking CONFIRMED when the payment SUCCEEDED, still PENDING while it is PROCESSING or UNKNOWN.',
  fields: (t) => ({
    booking: t.drizzleField({
      type: BookingRef,
      resolve: async (query, result, _args, ctx) => (await ctx.db.query.bookings.findFirst(query({ where: { id: result.bookingId } })))!,
    }),
    payment: t.drizzleField({
      type: PaymentRef,
      resolve: async (query, result, _args, ctx) => (await ctx.db.query.payments.findFirst(query({ where: { id: result.paymentId } })))!,
    }),
    replayed: t.exposeBoolean('replayed'),
  }),
});

builder.mutationField('payForBooking', (t) =>
  t.field({
    type: PayForBookingSuccess,
    description: 'Pays a hold by card. A decline keeps the hold; the same key replays; a paid booking is never charged again.',
    errors: {
      types: [ValidationError, NotFoundError, IdempotencyKeyReusedError, PaymentDeclinedError, BookingNotPayableError, PaidTooLateError],
      directResult: true,
      union: { name: 'PayForBookingResult' },
    },
    authScopes: { $any: { shopper: true, partner: 'bookings:write' } },
    args: { input: t.arg({ type: PayForBookingInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const bookingId = await bookingToActOn(ctx, String(input.bookingId), input.accessToken);
      return payForBooking(ctx, { bookingId, card: input.card, idempotencyKey: input.idempotencyKey });
    },
  }),
);
