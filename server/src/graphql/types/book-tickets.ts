import { bookingCallerOf } from '../../auth/booking-caller.ts';
import { bookTickets, type BookTicketsResult } from '../../booking/book-tickets.ts';
import {
  IdempotencyKeyReusedError,
  NotFoundError,
  NotOnSaleError,
  SoldOutError,
  ValidationError,
} from '../../booking/errors.ts';
import { measureBooking } from '../../observability/booking-metrics.ts';
import { AdmissionRequiredError } from '../../waiting-room/errors.ts';
import { builder } from '../builder.ts';
import { databaseIdOf } from '../global-id.ts';
import { BookingRef } from './booking.ts';

const BookingItemInput = builder.inputType('BookingItemInput', {
  fields: (t) => ({
    tierId: t.id({ required: true }),
    quantity: t.int({ required: true }),
  }),
});

export const BookTicketsInput = builder.inputType('BookTicketsInput', {
  fields: (t) => ({
    concertId: t.id({ required: true }),
    items: t.field({ type: [BookingItemInput], required: true }),
    customerEmail: t.string({ required: true }),
    idempotencyKey: t.string({
      required: true,
      description:
        'Client-chosen key (1-255 chars). The same key with the same input returns the original booking; with a different input it is an IdempotencyKeyReusedError.',
    }),
  }),
});

/** The success member of a booking or hold result: the booking as written, or as first written for a replay. */
export const bookingSuccessType = (name: string) =>
  builder.objectRef<BookTicketsResult>(name).implement({
    fields: (t) => ({
      booking: t.drizzleField({
        type: BookingRef,
        // A new booking answers with the row it just wrote (every column): no read on the on-sale path.
        // query() is called either way: it is what tells Pothos the row answers this field's selection.
        // Relations the row lacks (items, concert) fail Pothos' loaded check and come from its model loader.
        resolve: async (query, result, _args, ctx) => {
          const planned = query({ where: { id: result.bookingId } });
          return result.booking ?? (await ctx.db.query.bookings.findFirst(planned))!;
        },
      }),
      replayed: t.exposeBoolean('replayed', {
        description: 'True when this response replays an earlier booking made with the same idempotency key.',
      }),
    }),
  });

const BookTicketsSuccess = bookingSuccessType('BookTicketsSuccess');

/** Decodes the input's global ids; an id that is not one of ours is a NotFoundError carrying the client's string. */
export function bookingRequestFrom(input: typeof BookTicketsInput.$inferInput) {
  const concertId = databaseIdOf(String(input.concertId), 'Concert');
  if (!concertId) throw new NotFoundError('Concert', String(input.concertId), true);
  const items = input.items.map((item) => {
    const tierId = databaseIdOf(String(item.tierId), 'TicketTier');
    if (!tierId) throw new NotFoundError('TicketTier', String(item.tierId), true);
    return { tierId, quantity: item.quantity };
  });
  return { concertId, items, customerEmail: input.customerEmail, idempotencyKey: input.idempotencyKey };
}

builder.mutationField('bookTickets', (t) =>
  t.field({
    type: BookTicketsSuccess,
    description: 'Books all items atomically: either every item is booked or none is. For partners (an API key with bookings:write) that take payment themselves; shoppers hold and pay instead. Refused (AdmissionRequiredError) while the concert\'s waiting room is on: nobody skips the line.',
    authScopes: { partner: 'bookings:write' },
    errors: {
      types: [SoldOutError, NotOnSaleError, ValidationError, IdempotencyKeyReusedError, NotFoundError, AdmissionRequiredError],
      directResult: true,
      union: { name: 'BookTicketsResult' },
    },
    args: { input: t.arg({ type: BookTicketsInput, required: true }) },
    resolve: (_root, { input }, ctx) => measureBooking(ctx.metrics, () => bookTickets(ctx, bookingRequestFrom(input), bookingCallerOf(ctx))),
  }),
);
