
      export type PossibleTypesResultData = {
  "possibleTypes": {
    "AddTierResult": [
      "NotFoundError",
      "TierChangeSuccess",
      "ValidationError"
    ],
    "BookTicketsResult": [
      "AdmissionRequiredError",
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
    "ConfigureWaitingRoomResult": [
      "NotFoundError",
      "ValidationError",
      "WaitingRoomAdmin"
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
      "AdmissionRequiredError",
      "BookingNotCancellableError",
      "BookingNotHeldError",
      "BookingNotPayableError",
      "CapacityBelowSoldError",
      "ConcertAlreadyCancelledError",
      "GuestIdRequiredError",
      "IdempotencyKeyReusedError",
      "InvalidAdmissionError",
      "NotFoundError",
      "NotOnSaleError",
      "PaidTooLateError",
      "PaymentDeclinedError",
      "SoldOutError",
      "TicketLimitExceededError",
      "ValidationError",
      "WaitingRoomClosedError"
    ],
    "HoldTicketsResult": [
      "AdmissionRequiredError",
      "HoldTicketsSuccess",
      "IdempotencyKeyReusedError",
      "InvalidAdmissionError",
      "NotFoundError",
      "NotOnSaleError",
      "SoldOutError",
      "TicketLimitExceededError",
      "ValidationError"
    ],
    "JoinWaitingRoomResult": [
      "GuestIdRequiredError",
      "NotFoundError",
      "QueueTicket",
      "WaitingRoomClosedError"
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
    "SetWaitingRoomRateResult": [
      "NotFoundError",
      "ValidationError",
      "WaitingRoomAdmin"
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
      "AdmissionRequiredError",
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
    "ConfigureWaitingRoomResult": [
      "NotFoundError",
      "ValidationError",
      "WaitingRoomAdmin"
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
      "AdmissionRequiredError",
      "BookingNotCancellableError",
      "BookingNotHeldError",
      "BookingNotPayableError",
      "CapacityBelowSoldError",
      "ConcertAlreadyCancelledError",
      "GuestIdRequiredError",
      "IdempotencyKeyReusedError",
      "InvalidAdmissionError",
      "NotFoundError",
      "NotOnSaleError",
      "PaidTooLateError",
      "PaymentDeclinedError",
      "SoldOutError",
      "TicketLimitExceededError",
      "ValidationError",
      "WaitingRoomClosedError"
    ],
    "HoldTicketsResult": [
      "AdmissionRequiredError",
      "HoldTicketsSuccess",
      "IdempotencyKeyReusedError",
      "InvalidAdmissionError",
      "NotFoundError",
      "NotOnSaleError",
      "SoldOutError",
      "TicketLimitExceededError",
      "ValidationError"
    ],
    "JoinWaitingRoomResult": [
      "GuestIdRequiredError",
      "NotFoundError",
      "QueueTicket",
      "WaitingRoomClosedError"
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
    "SetWaitingRoomRateResult": [
      "NotFoundError",
      "ValidationError",
      "WaitingRoomAdmin"
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
    