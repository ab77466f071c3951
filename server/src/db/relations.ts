import { defineRelations } from 'drizzle-orm';
import * as analyticsSchema from './analytics-schema.ts';
import * as authSchema from './auth-schema.ts';
import * as paymentsSchema from './payments-schema.ts';
import * as bookingSchema from './schema.ts';
import * as waitingRoomSchema from './waiting-room-schema.ts';

const schema = { ...bookingSchema, ...paymentsSchema, ...authSchema, ...analyticsSchema, ...waitingRoomSchema };

export const relations = defineRelations(schema, (r) => ({
  concerts: {
    tiers: r.many.ticketTiers(),
    bookings: r.many.bookings(),
    cancellation: r.one.concertCancellations({ from: r.concerts.id, to: r.concertCancellations.concertId }),
    waitingRoom: r.one.waitingRooms({ from: r.concerts.id, to: r.waitingRooms.concertId }),
  },
  ticketTiers: {
    concert: r.one.concerts({ from: r.ticketTiers.concertId, to: r.concerts.id, optional: false }),
  },
  bookings: {
    concert: r.one.concerts({ from: r.bookings.concertId, to: r.concerts.id, optional: false }),
    items: r.many.bookingItems(),
    payments: r.many.payments(),
    emails: r.many.outboxEmails(),
    apiKey: r.one.apiKeys({ from: r.bookings.apiKeyId, to: r.apiKeys.id }),
  },
  apiKeys: {
    owner: r.one.users({ from: r.apiKeys.referenceId, to: r.users.id, optional: false }),
  },
  outboxEmails: {
    booking: r.one.bookings({ from: r.outboxEmails.bookingId, to: r.bookings.id }),
  },
  payments: {
    booking: r.one.bookings({ from: r.payments.bookingId, to: r.bookings.id, optional: false }),
  },
  bookingItems: {
    booking: r.one.bookings({ from: r.bookingItems.bookingId, to: r.bookings.id, optional: false }),
    tier: r.one.ticketTiers({ from: r.bookingItems.tierId, to: r.ticketTiers.id, optional: false }),
  },
}));
