import { bookTickets } from '../../booking/book-tickets.ts';
import { IdempotencyKeyReusedError, NotFoundError, SoldOutError, ValidationError } from '../../booking/errors.ts';
import { measureBooking } from '../../observability/booking-metrics.ts';
import { builder } from '../builder.ts';
import { bookingRequestFrom, bookingSuccessType, BookTicketsInput } from './book-tickets.ts';

const HoldTicketsSuccess = bookingSuccessType('HoldTicketsSuccess');

builder.mutationField('holdTickets', (t) =>
  t.field({
    type: HoldTicketsSuccess,
    description:
      "Holds all items atomically for the concert's hold time: a PENDING booking whose tickets leave availability at once and return to sale at expiresAt unless paid. Same input, validation and idempotency rules as bookTickets; a key used to book cannot be reused to hold.",
    errors: {
      types: [SoldOutError, ValidationError, IdempotencyKeyReusedError, NotFoundError],
      directResult: true,
      union: { name: 'HoldTicketsResult' },
    },
    args: { input: t.arg({ type: BookTicketsInput, required: true }) },
    resolve: (_root, { input }, ctx) => measureBooking(ctx.metrics, () => bookTickets(ctx, bookingRequestFrom(input), 'hold')),
  }),
);
