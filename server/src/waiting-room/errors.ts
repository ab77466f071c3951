import { BookingError } from '../booking/errors.ts';
import type { AdmissionRefusal } from './admission-token.ts';

// Expected waiting-room failures, returned as data in the result unions like the booking errors
// (graphql/types/waiting-room-errors.ts); they extend BookingError so that the hold path treats
// them as it treats every other refusal: nothing held, and an admission spent on it given back.

/** The concert sells through its waiting room, and the request brought no admission token. */
export class AdmissionRequiredError extends BookingError {
  constructor(
    readonly concertId: string,
    partner: boolean,
  ) {
    super(
      partner
        ? "This concert's on-sale goes through its waiting room, which only shoppers can join; partner bookings are closed while it is on"
        : "This concert's on-sale goes through its waiting room: join it, and hold with the admission token you get when admitted",
    );
  }
}

const REFUSALS: Record<AdmissionRefusal, string> = {
  FORGED: 'This admission token was not issued by us',
  EXPIRED: 'This admission ran out before it was used; each shopper is admitted once per on-sale',
  NOT_YOURS: 'This admission token was issued to another shopper',
  WRONG_CONCERT: 'This admission token is for another concert',
  ALREADY_USED: 'This admission token has already been used for a hold',
};

export class InvalidAdmissionError extends BookingError {
  constructor(readonly reason: AdmissionRefusal) {
    super(REFUSALS[reason]);
  }
}

export type WaitingRoomClosedReason = 'OFF' | 'NOT_YET_OPEN' | 'ENDED';

/** Joining is not possible now: the room is off, its pre-queue has not opened, or sales are over. */
export class WaitingRoomClosedError extends BookingError {
  constructor(
    readonly concertId: string,
    readonly reason: WaitingRoomClosedReason,
    readonly opensAt: Date | null,
  ) {
    super(
      reason === 'OFF'
        ? 'This concert has no waiting room; shop directly'
        : reason === 'NOT_YET_OPEN'
          ? 'The waiting room has not opened yet'
          : 'Sales for this concert are over',
    );
  }
}

/** A guest can queue only with a stable id of its own: the x-guest-id header its browser keeps. */
export class GuestIdRequiredError extends BookingError {
  constructor() {
    super('Send an x-guest-id header (16-128 characters: letters, digits, - or _) and keep it, to keep your place');
  }
}
