import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  BookingError,
  BookingNotCancellableError,
  BookingNotHeldError,
  BookingNotPayableError,
  IdempotencyKeyReusedError,
  NotFoundError,
  NotOnSaleError,
  PaidTooLateError,
  PaymentDeclinedError,
  SoldOutError,
  TicketLimitExceededError,
  ValidationError,
} from '../../booking/errors.ts';
import { builder } from '../builder.ts';
import { TicketTierRef } from './ticket-tier.ts';

export const ErrorInterface = builder.interfaceRef<BookingError>('Error').implement({
  description: 'A user-facing failure returned as data, never as a top-level GraphQL error.',
  fields: (t) => ({ message: t.exposeString('message') }),
});

builder.objectType(SoldOutError, {
  name: 'SoldOutError',
  description: 'Not enough tickets left in a tier; nothing was booked.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    tierId: t.id({ resolve: (error) => encodeGlobalID('TicketTier', error.tierId) }),
    tier: t.drizzleField({
      type: TicketTierRef,
      description:
        'The tier as it is now, so a client cache shows what is really left without a second request. Read only on this failure path.',
      resolve: async (query, error, _args, ctx) =>
        (await ctx.db.query.ticketTiers.findFirst(query({ where: { id: error.tierId } })))!,
    }),
    requested: t.exposeInt('requested'),
    available: t.exposeInt('available'),
  }),
});

builder.objectType(TicketLimitExceededError, {
  name: 'TicketLimitExceededError',
  description:
    "The hold would give this customer (by email, ignoring case) more tickets of the concert than its limit per customer; nothing was held. Confirmed bookings and live holds count; expired, released and cancelled ones do not.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    limit: t.exposeInt('limit', { description: 'Tickets one customer may hold or own for this concert.' }),
    alreadyHeld: t.exposeInt('alreadyHeld', { description: 'Tickets this customer already holds or owns for this concert.' }),
    requested: t.exposeInt('requested', { description: 'Tickets this hold asked for, over all its tiers.' }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: "The input broke a rule (quantity, tier not of this concert, email, key length...); nothing was booked.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ field: t.exposeString('field', { nullable: true }) }),
});

builder.objectType(IdempotencyKeyReusedError, {
  name: 'IdempotencyKeyReusedError',
  description: 'The idempotency key was already used with a different input.',
  interfaces: [ErrorInterface],
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'An id that names nothing this caller may act on: a concert, tier, booking or API key.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    id: t.id({ resolve: (error) => (error.clientId ? error.id : encodeGlobalID(error.typename, error.id)) }),
  }),
});

builder.objectType(BookingNotHeldError, {
  name: 'BookingNotHeldError',
  description: 'The booking is not a live hold any more (CONFIRMED, CANCELLED, EXPIRED), or its payment is still being decided (PAYMENT_IN_PROGRESS); nothing changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ status: t.exposeString('status') }),
});

builder.objectType(PaymentDeclinedError, {
  name: 'PaymentDeclinedError',
  description: 'The card was declined; nothing was charged and the hold stays, so another card can be tried.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ declineCode: t.exposeString('declineCode', { description: 'card_declined, insufficient_funds, ...' }) }),
});

builder.objectType(BookingNotPayableError, {
  name: 'BookingNotPayableError',
  description: 'Nothing to pay: already paid, a payment under way, or not a live hold (CONFIRMED, CANCELLED, EXPIRED). Nothing was charged.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ reason: t.exposeString('reason') }),
});

builder.objectType(PaidTooLateError, {
  name: 'PaidTooLateError',
  description: 'The payment went through after the hold ended and its tickets were sold meanwhile; it was refunded in full.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ refundedCents: t.exposeInt('refundedCents') }),
});

builder.objectType(BookingNotCancellableError, {
  name: 'BookingNotCancellableError',
  description: 'Already cancelled or expired, the concert has started (STARTED), or a hold whose payment is still being decided (PAYMENT_IN_PROGRESS); nothing changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ reason: t.exposeString('reason') }),
});

const NotOnSaleReasonRef = builder.enumType('NotOnSaleReason', {
  values: {
    NOT_YET_ON_SALE: { description: 'Sales open at opensAt.' },
    PAUSED: { description: 'An organizer paused sales; they may resume at any time.' },
    ENDED: { description: 'The concert has started.' },
    CANCELLED: { description: 'An organizer cancelled the concert; its bookings are cancelled and refunded.' },
  } as const,
});

builder.objectType(NotOnSaleError, {
  name: 'NotOnSaleError',
  description: "The concert's tickets are not on sale now: not yet, paused, over, or cancelled. Nothing was held or booked.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    concertId: t.id({ resolve: (error) => encodeGlobalID('Concert', error.concertId) }),
    reason: t.field({ type: NotOnSaleReasonRef, resolve: (error) => error.reason }),
    opensAt: t.expose('opensAt', { type: 'DateTime', nullable: true, description: 'When sales open; null when paused or ended.' }),
  }),
});
