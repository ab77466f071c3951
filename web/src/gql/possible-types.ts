
      export type PossibleTypesResultData = {
  "possibleTypes": {
    "BookTicketsResult": [
      "BookTicketsSuccess",
      "IdempotencyKeyReusedError",
      "NotFoundError",
      "SoldOutError",
      "ValidationError"
    ],
    "CancelBookingResult": [
      "BookingNotCancellableError",
      "CancelBookingSuccess",
      "NotFoundError"
    ],
    "CreateApiKeyResult": [
      "CreateApiKeySuccess",
      "ValidationError"
    ],
    "Error": [
      "BookingNotCancellableError",
      "BookingNotHeldError",
      "BookingNotPayableError",
      "IdempotencyKeyReusedError",
      "NotFoundError",
      "PaidTooLateError",
      "PaymentDeclinedError",
      "SoldOutError",
      "TicketLimitExceededError",
      "ValidationError"
    ],
    "HoldTicketsResult": [
      "HoldTicketsSuccess",
      "IdempotencyKeyReusedError",
      "NotFoundError",
      "SoldOutError",
      "TicketLimitExceededError",
      "ValidationError"
    ],
    "Node": [
      "Booking",
      "Concert",
      "Payment",
      "TicketTier"
    ],
    "PayForBookingResult": [
      "BookingNotPayableError",
      "IdempotencyKeyReusedError",
      "NotFoundError",
      "PaidTooLateError",
      "PayForBookingSuccess",
      "PaymentDeclinedError",
      "ValidationError"
    ],
    "ReleaseHoldResult": [
      "BookingNotHeldError",
      "NotFoundError",
      "ReleaseHoldSuccess"
    ],
    "RevokeApiKeyResult": [
      "NotFoundError",
      "RevokeApiKeySuccess"
    ]
  }
};
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "BookTicketsResult": [
      "BookTicketsSuccess",
      "IdempotencyKeyReusedError",
      "NotFoundError",
      "SoldOutError",
      "ValidationError"
    ],
    "CancelBookingResult": [
      "BookingNotCancellableError",
      "CancelBookingSuccess",
      "NotFoundError"
    ],
    "CreateApiKeyResult": [
      "CreateApiKeySuccess",
      "ValidationError"
    ],
    "Error": [
      "BookingNotCancellableError",
      "BookingNotHeldError",
      "BookingNotPayableError",
      "IdempotencyKeyReusedError",
      "NotFoundError",
      "PaidTooLateError",
      "PaymentDeclinedError",
      "SoldOutError",
      "TicketLimitExceededError",
      "ValidationError"
    ],
    "HoldTicketsResult": [
      "HoldTicketsSuccess",
      "IdempotencyKeyReusedError",
      "NotFoundError",
      "SoldOutError",
      "TicketLimitExceededError",
      "ValidationError"
    ],
    "Node": [
      "Booking",
      "Concert",
      "Payment",
      "TicketTier"
    ],
    "PayForBookingResult": [
      "BookingNotPayableError",
      "IdempotencyKeyReusedError",
      "NotFoundError",
      "PaidTooLateError",
      "PayForBookingSuccess",
      "PaymentDeclinedError",
      "ValidationError"
    ],
    "ReleaseHoldResult": [
      "BookingNotHeldError",
      "NotFoundError",
      "ReleaseHoldSuccess"
    ],
    "RevokeApiKeyResult": [
      "NotFoundError",
      "RevokeApiKeySuccess"
    ]
  }
};
      export default result;
    