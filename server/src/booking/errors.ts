import { clip } from '../graphql/global-id.ts';

// Expected booking failures. Each is exposed as its own GraphQL type (graphql/types/booking-errors.ts)
// and returned as data in the BookTicketsResult union; anything else is unexpected and masked.

export class BookingError extends Error {}

/** The request broke a rule; nothing was written. `field` is a path into BookTicketsInput. */
export class ValidationError extends BookingError {
  constructor(
    message: string,
    readonly field: string | null,
  ) {
    super(message);
  }
}

const NAMES = { Concert: 'concert', TicketTier: 'ticket tier', Booking: 'booking', ApiKey: 'API key of yours' };

/**
 * `id` is a database id, or with `clientId` the client's own value (one that could not even be
 * decoded), clipped so that a huge value is not sent back.
 */
export class NotFoundError extends BookingError {
  readonly id: string;
  constructor(
    readonly typename: 'Concert' | 'TicketTier' | 'Booking' | 'ApiKey',
    id: string,
    readonly clientId = false,
  ) {
    super(`No ${NAMES[typename]} has this id`);
    this.id = clientId ? clip(id) : id;
  }
}

export class SoldOutError extends BookingError {
  constructor(
    readonly tierId: string,
    readonly tierName: string,
    readonly requested: number,
    readonly available: number,
  ) {
    super(
      available === 0
        ? `${tierName} is sold out`
        : `Only ${available} ${tierName} ticket${available === 1 ? '' : 's'} left; ${requested} requested`,
    );
  }
}

/** A hold that would give its customer (by email) more tickets of the concert than it allows; nothing was held. */
export class TicketLimitExceededError extends BookingError {
  constructor(
    readonly limit: number,
    readonly alreadyHeld: number,
    readonly requested: number,
  ) {
    super(
      alreadyHeld === 0
        ? `At most ${limit} tickets per customer for this concert; ${requested} requested`
        : `At most ${limit} tickets per customer for this concert: this email already holds ${alreadyHeld}, ${requested} more requested`,
    );
  }
}

export class IdempotencyKeyReusedError extends BookingError {
  constructor() {
    super('This idempotency key was already used for a different booking request');
  }
}

/**
 * releaseHold on a booking that is not a live hold (already paid, released, or expired), or on a
 * hold whose payment is still being decided (PAYMENT_IN_PROGRESS: it cannot be given up until then).
 */
export class BookingNotHeldError extends BookingError {
  constructor(readonly status: 'CONFIRMED' | 'CANCELLED' | 'EXPIRED' | 'PAYMENT_IN_PROGRESS') {
    super(
      status === 'PAYMENT_IN_PROGRESS'
        ? 'A payment for this booking is under way; try again once it has gone through or been declined'
        : `This booking is not held any more: it is ${status.toLowerCase()}`,
    );
  }
}

/** The card was refused; the hold stays, so the shopper can try another card. */
export class PaymentDeclinedError extends BookingError {
  constructor(readonly declineCode: string) {
    super(
      declineCode === 'insufficient_funds' ? 'The card was declined: insufficient funds'
      : declineCode === 'not_charged' ? 'The payment never reached the card processor: nothing was charged'
      : 'The card was declined',
    );
  }
}

/** Nothing to pay: already paid, a payment under way, or the booking is not a live hold. */
export class BookingNotPayableError extends BookingError {
  constructor(readonly reason: 'PAID' | 'PAYMENT_IN_PROGRESS' | 'CONFIRMED' | 'CANCELLED' | 'EXPIRED') {
    super(
      reason === 'PAID' ? 'This booking is already paid'
      : reason === 'PAYMENT_IN_PROGRESS' ? 'A payment for this booking is already under way'
      : `This booking cannot be paid: it is ${reason.toLowerCase()}`,
    );
  }
}

/** The payment went through after the hold had ended and its tickets were sold meanwhile: refunded in full. */
export class PaidTooLateError extends BookingError {
  constructor(readonly refundedCents: number) {
    super('The hold ended before the payment went through and the tickets are gone; the payment was refunded');
  }
}

/** cancelBooking on a booking that is already over, whose concert has started, or a hold whose payment is being decided. */
export class BookingNotCancellableError extends BookingError {
  constructor(readonly reason: 'CANCELLED' | 'EXPIRED' | 'STARTED' | 'PAYMENT_IN_PROGRESS') {
    super(
      reason === 'STARTED' ? 'The concert has started: bookings can no longer be cancelled'
      : reason === 'PAYMENT_IN_PROGRESS' ? 'A payment for this booking is under way; cancel once it has gone through or been declined'
      : `This booking is already ${reason.toLowerCase()}`,
    );
  }
}

/**
 * A hold or booking outside the concert's sales window: before it opens (`opensAt`), while an
 * organizer has paused sales, once the concert has started, or after it was cancelled. Nothing was written.
 */
export class NotOnSaleError extends BookingError {
  constructor(
    readonly concertId: string,
    readonly reason: 'NOT_YET_ON_SALE' | 'PAUSED' | 'ENDED' | 'CANCELLED',
    readonly opensAt: Date | null,
  ) {
    super(
      reason === 'NOT_YET_ON_SALE' ? `Tickets go on sale at ${opensAt!.toISOString()}`
      : reason === 'PAUSED' ? 'Sales for this concert are paused'
      : reason === 'CANCELLED' ? 'This concert is cancelled'
      : 'The concert has started: tickets are no longer sold',
    );
  }
}

/** cancelConcert on a concert cancelled before: nothing changed; `concertId`'s job is the one already under way. */
export class ConcertAlreadyCancelledError extends BookingError {
  constructor(
    readonly concertId: string,
    readonly cancelledAt: Date,
  ) {
    super('This concert is already cancelled; its bookings are being cancelled and refunded');
  }
}

/** A tier's capacity may not go below the tickets it has sold and holds: `available` would be negative. */
export class CapacityBelowSoldError extends BookingError {
  constructor(
    readonly sold: number,
    readonly held: number,
    readonly requested: number,
  ) {
    super(`Capacity cannot be ${requested}: ${sold} tickets are sold and ${held} held`);
  }
}
