
      export type PossibleTypesResultData = {
  "possibleTypes": {
    "AddTierResult": [
      "NotFoundError",
      "TierChangeSuccess",
      "ValidationError"
    ],
    "BookTicketsResult": [
      "BookTicketsSuccess",
      "IdempotencyKeyReusedError",
      "NotFoundError",
      "NotOnSaleError",
      "SoldOutError",
      "ValidationError"
    ],
    "CancelBookingResult": [
      "BookingNotCancellableError",
      "CancelBookingSuccess",
      "NotFoundError"
    ],
    "CancelConcertResult": [
      "CancelConcertSuccess",
      "ConcertAlreadyCancelledError",
      "NotFoundError",
      "ValidationError"
    ],
    "CreateApiKeyResult": [
      "CreateApiKeySuccess",
      "ValidationError"
    ],
    "CreateConcertResult": [
      "ConcertChangeSuccess",
      "ValidationError"
    ],
    "Error": [
      "BookingNotCancellableError",
      "BookingNotHeldError",
      "BookingNotPayableError",
      "CapacityBelowSoldError",
      "ConcertAlreadyCancelledError",
      "IdempotencyKeyReusedError",
      "NotFoundError",
      "NotOnSaleError",
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
      "NotOnSaleError",
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
    "PauseSalesResult": [
      "ConcertChangeSuccess",
      "NotFoundError"
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
    "PublishConcertResult": [
      "ConcertChangeSuccess",
      "NotFoundError"
    ],
    "ReleaseHoldResult": [
      "BookingNotHeldError",
      "NotFoundError",
      "ReleaseHoldSuccess"
    ],
    "ResumeSalesResult": [
      "ConcertChangeSuccess",
      "NotFoundError"
    ],
    "RevokeApiKeyResult": [
      "NotFoundError",
      "RevokeApiKeySuccess"
    ],
    "UnpublishConcertResult": [
      "ConcertChangeSuccess",
      "NotFoundError"
    ],
    "UpdateConcertResult": [
      "ConcertChangeSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "UpdateTierResult": [
      "CapacityBelowSoldError",
      "NotFoundError",
      "TierChangeSuccess",
      "ValidationError"
    ]
  }
};
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "AddTierResult": [
      "NotFoundError",
      "TierChangeSuccess",
      "ValidationError"
    ],
    "BookTicketsResult": [
      "BookTicketsSuccess",
      "IdempotencyKeyReusedError",
      "NotFoundError",
      "NotOnSaleError",
      "SoldOutError",
      "ValidationError"
    ],
    "CancelBookingResult": [
      "BookingNotCancellableError",
      "CancelBookingSuccess",
      "NotFoundError"
    ],
    "CancelConcertResult": [
      "CancelConcertSuccess",
      "ConcertAlreadyCancelledError",
      "NotFoundError",
      "ValidationError"
    ],
    "CreateApiKeyResult": [
      "CreateApiKeySuccess",
      "ValidationError"
    ],
    "CreateConcertResult": [
      "ConcertChangeSuccess",
      "ValidationError"
    ],
    "Error": [
      "BookingNotCancellableError",
      "BookingNotHeldError",
      "BookingNotPayableError",
      "CapacityBelowSoldError",
      "ConcertAlreadyCancelledError",
      "IdempotencyKeyReusedError",
      "NotFoundError",
      "NotOnSaleError",
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
      "NotOnSaleError",
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
    "PauseSalesResult": [
      "ConcertChangeSuccess",
      "NotFoundError"
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
    "PublishConcertResult": [
      "ConcertChangeSuccess",
      "NotFoundError"
    ],
    "ReleaseHoldResult": [
      "BookingNotHeldError",
      "NotFoundError",
      "ReleaseHoldSuccess"
    ],
    "ResumeSalesResult": [
      "ConcertChangeSuccess",
      "NotFoundError"
    ],
    "RevokeApiKeyResult": [
      "NotFoundError",
      "RevokeApiKeySuccess"
    ],
    "UnpublishConcertResult": [
      "ConcertChangeSuccess",
      "NotFoundError"
    ],
    "UpdateConcertResult": [
      "ConcertChangeSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "UpdateTierResult": [
      "CapacityBelowSoldError",
      "NotFoundError",
      "TierChangeSuccess",
      "ValidationError"
    ]
  }
};
      export default result;
    