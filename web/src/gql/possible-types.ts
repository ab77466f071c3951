
      export interface PossibleTypesResultData {
        possibleTypes: {
          [key: string]: string[]
        }
      }
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "AddTierResult": [
      "ConcertAlreadyCancelledError",
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
      "ConcertAlreadyCancelledError",
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
      "ConcertAlreadyCancelledError",
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
      "ConcertAlreadyCancelledError",
      "ConcertChangeSuccess",
      "NotFoundError"
    ],
    "ReleaseHoldResult": [
      "BookingNotHeldError",
      "NotFoundError",
      "ReleaseHoldSuccess"
    ],
    "ResumeSalesResult": [
      "ConcertAlreadyCancelledError",
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
      "ConcertAlreadyCancelledError",
      "ConcertChangeSuccess",
      "NotFoundError"
    ],
    "UpdateConcertResult": [
      "ConcertAlreadyCancelledError",
      "ConcertChangeSuccess",
      "NotFoundError",
      "ValidationError"
    ],
    "UpdateTierResult": [
      "CapacityBelowSoldError",
      "ConcertAlreadyCancelledError",
      "NotFoundError",
      "TierChangeSuccess",
      "ValidationError"
    ]
  }
};
      export default result;
    