// Apollo matches `... on SoldOutError` inside a union only if it knows the
// union's members; without this it guesses and warns. Kept in step with
// schema.graphql by possibleTypes.test.ts.
export const possibleTypes: Record<string, string[]> = {
  CancelBookingResult: ['BookingNotCancellableError', 'CancelBookingSuccess', 'NotFoundError'],
  BookTicketsResult: ['BookTicketsSuccess', 'IdempotencyKeyReusedError', 'NotFoundError', 'SoldOutError', 'ValidationError'],
  Error: [
    'BookingNotCancellableError',
    'BookingNotHeldError',
    'BookingNotPayableError',
    'IdempotencyKeyReusedError',
    'NotFoundError',
    'PaidTooLateError',
    'PaymentDeclinedError',
    'SoldOutError',
    'TicketLimitExceededError',
    'ValidationError',
  ],
  HoldTicketsResult: ['HoldTicketsSuccess', 'IdempotencyKeyReusedError', 'NotFoundError', 'SoldOutError', 'TicketLimitExceededError', 'ValidationError'],
  Node: ['Booking', 'Concert', 'Payment', 'TicketTier'],
  PayForBookingResult: [
    'BookingNotPayableError',
    'IdempotencyKeyReusedError',
    'NotFoundError',
    'PaidTooLateError',
    'PayForBookingSuccess',
    'PaymentDeclinedError',
    'ValidationError',
  ],
  ReleaseHoldResult: ['BookingNotHeldError', 'NotFoundError', 'ReleaseHoldSuccess'],
};
