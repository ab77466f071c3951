import { encodeGlobalID } from '@pothos/plugin-relay';
import { AdmissionRequiredError, GuestIdRequiredError, InvalidAdmissionError, WaitingRoomClosedError } from '../../waiting-room/errors.ts';
import { builder } from '../builder.ts';
import { ErrorInterface } from './booking-errors.ts';

builder.objectType(AdmissionRequiredError, {
  name: 'AdmissionRequiredError',
  description:
    "The concert sells through its waiting room and the request had no admission token: shoppers join with joinWaitingRoom and hold with the token they get when admitted. Partner bookings and holds are refused while the room is on. Nothing was held.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    concertId: t.id({ resolve: (error) => encodeGlobalID('Concert', error.concertId) }),
  }),
});

const AdmissionRefusalRef = builder.enumType('AdmissionRefusal', {
  values: {
    FORGED: { description: 'Not a token we signed (or altered since).' },
    EXPIRED: { description: 'The admission ran out before it was used; each shopper is admitted once per on-sale.' },
    NOT_YOURS: { description: 'Issued to another shopper (another account or guest id).' },
    WRONG_CONCERT: { description: 'Issued for another concert.' },
    ALREADY_USED: { description: 'Already spent on a hold; one admission opens one hold.' },
  } as const,
});

builder.objectType(InvalidAdmissionError, {
  name: 'InvalidAdmissionError',
  description: 'The admission token does not open checkout for this hold; nothing was held and nothing was spent.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ reason: t.field({ type: AdmissionRefusalRef, resolve: (error) => error.reason }) }),
});

const WaitingRoomClosedReasonRef = builder.enumType('WaitingRoomClosedReason', {
  values: {
    OFF: { description: 'The concert has no waiting room: shop directly.' },
    NOT_YET_OPEN: { description: 'Joining opens at opensAt.' },
    ENDED: { description: 'The concert started or was cancelled.' },
  } as const,
});

builder.objectType(WaitingRoomClosedError, {
  name: 'WaitingRoomClosedError',
  description: 'The waiting room cannot be joined now.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    concertId: t.id({ resolve: (error) => encodeGlobalID('Concert', error.concertId) }),
    reason: t.field({ type: WaitingRoomClosedReasonRef, resolve: (error) => error.reason }),
    opensAt: t.expose('opensAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.objectType(GuestIdRequiredError, {
  name: 'GuestIdRequiredError',
  description: 'A guest queues under the id its browser keeps: send it in the x-guest-id header (or sign in).',
  interfaces: [ErrorInterface],
  fields: () => ({}),
});
