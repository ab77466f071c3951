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

/** `id` is a database id, or with `clientId` the client's own value (one that could not even be decoded). */
export class NotFoundError extends BookingError {
  constructor(
    readonly typename: 'Concert' | 'TicketTier' | 'Booking',
    readonly id: string,
    readonly clientId = false,
  ) {
    super(`No ${typename === 'TicketTier' ? 'ticket tier' : typename.toLowerCase()} has this id`);
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

export class IdempotencyKeyReusedError extends BookingError {
  constructor() {
    super('This idempotency key was already used for a different booking request');
  }
}

/** releaseHold on a booking that is not a live hold (already paid, released, or expired). */
export class BookingNotHeldError extends BookingError {
  constructor(readonly status: 'CONFIRMED' | 'CANCELLED' | 'EXPIRED') {
    super(`This booking is not held any more: it is ${status.toLowerCase()}`);
  }
}
