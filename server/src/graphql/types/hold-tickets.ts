import { bookingCallerOf } from '../../auth/booking-caller.ts';
import { grantBooking } from '../../auth/booking-visibility.ts';
import { spendPersonalQuota } from '../../auth/viewer.ts';
import { bookTickets } from '../../booking/book-tickets.ts';
import { IdempotencyKeyReusedError, NotFoundError, NotOnSaleError, SoldOutError, TicketLimitExceededError, ValidationError } from '../../booking/errors.ts';
import { measureBooking } from '../../observability/booking-metrics.ts';
import { AdmissionRequiredError, InvalidAdmissionError } from '../../waiting-room/errors.ts';
import { holdThroughWaitingRoom } from '../../waiting-room/admission-gate.ts';
import { builder } from '../builder.ts';
import { bookingRequestFrom, bookingSuccessType, BookTicketsInput } from './book-tickets.ts';

const HoldTicketsSuccess = bookingSuccessType('HoldTicketsSuccess');

builder.mutationField('holdTickets', (t) =>
  t.field({
    type: HoldTicketsSuccess,
    description:
      "Holds all items atomically for the concert's hold time: a PENDING booking whose tickets leave availability at once and return to sale at expiresAt unless paid. Same input, validation and idempotency rules as bookTickets; a key used to book cannot be reused to hold. One customer (by email) may hold at most the concert's limit of tickets over all their orders (TicketLimitExceededError). Guests and shoppers are limited in holds per minute (RATE_LIMITED). While the concert's waiting room is on, a hold needs the caller's admission token (AdmissionRequiredError, InvalidAdmissionError) and partners cannot hold.",
    authScopes: { $any: { shopper: true, partner: 'bookings:write' } },
    errors: {
      types: [SoldOutError, NotOnSaleError, TicketLimitExceededError, ValidationError, IdempotencyKeyReusedError, NotFoundError, AdmissionRequiredError, InvalidAdmissionError],
      directResult: true,
      union: { name: 'HoldTicketsResult' },
    },
    args: {
      input: t.arg({ type: BookTicketsInput, required: true }),
      admissionToken: t.arg.string({
        description:
          "Needed while the concert's waiting room is on (Concert.waitingRoom.enabled): QueueTicket.admissionToken, yours, for this concert, unexpired and unused. A successful hold spends it; a refused one does not.",
      }),
    },
    resolve: async (_root, { input, admissionToken }, ctx) => {
      await spendPersonalQuota(ctx, 'holds', ctx.holdQuota);
      const request = bookingRequestFrom(input);
      const result = await holdThroughWaitingRoom(ctx, request, admissionToken, () =>
        measureBooking(ctx.metrics, () => bookTickets(ctx, request, bookingCallerOf(ctx), 'hold')),
      );
      // Whoever made the hold may see it in this answer, guests included (their link is in it).
      grantBooking(ctx, result.bookingId);
      return result;
    },
  }),
);
