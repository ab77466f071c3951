import { canSeeBooking, grantBooking, type BookingOwnership } from '../../auth/booking-visibility.ts';
import { builder } from '../builder.ts';
import { databaseIdOf } from '../global-id.ts';
import { EmailNoticeRef } from './email-notice.ts';
import { MoneyRef } from './money.ts';

export const BookingStatusRef = builder.enumType('BookingStatus', {
  values: {
    CONFIRMED: { description: 'Paid for, or booked by a partner that settles payment itself.' },
    CANCELLED: { description: 'Cancelled, or a hold the shopper released; its tickets are back on sale.' },
    PENDING: { description: 'Held while the shopper pays, until expiresAt.' },
    EXPIRED: { description: 'A hold that was not paid in time; its tickets are back on sale.' },
  } as const,
});

export const BookingRef = builder.drizzleNode('bookings', {
  name: 'Booking',
  id: { column: (booking) => booking.id },
  // The one check for every path to a booking (query, node, mutation results): it carries a shopper's
  // personal data. Whoever may not see it gets null and a FORBIDDEN error.
  select: { columns: { id: true, customerEmail: true, apiKeyId: true, userId: true, concertId: true } },
  authScopes: (booking, ctx) => canSeeBooking(ctx, booking),
  // Checked once per booking as it is returned (one error where it is refused), not before each of its fields.
  runScopesOnType: true,
  fields: (t) => ({
    status: t.expose('status', { type: BookingStatusRef }),
    concert: t.relation('concert'),
    orderCode: t.exposeString('orderCode', { description: 'Short code for people (emails, the box office); the id is for the API.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true, description: 'For a hold: when its tickets go back on sale unless paid.' }),
    holdRemainingMs: t.int({
      nullable: true,
      description: 'For a live hold: milliseconds left until expiresAt when the server answered. Count down from this, not from the device clock, which may be off.',
      select: { columns: { status: true, expiresAt: true } },
      resolve: (booking) => (booking.status === 'PENDING' && booking.expiresAt ? Math.max(0, booking.expiresAt.getTime() - Date.now()) : null),
    }),
    customerEmail: t.exposeString('customerEmail'),
    accessToken: t.string({
      description: "The secret of this booking's link (`/bookings/<id>?access=<accessToken>`): whoever has it may see, pay for and cancel the booking. Give it only to its shopper.",
      resolve: (booking, _args, ctx) => ctx.bookingAccess.tokenFor(booking.id),
    }),
    items: t.relation('items', { query: { orderBy: { tierId: 'asc' } } }),
    total: t.field({
      type: MoneyRef,
      select: { columns: { totalCents: true, currency: true } },
      resolve: (booking) => ({ cents: booking.totalCents, currency: booking.currency }),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    payments: t.relation('payments', { description: 'Every attempt to pay this booking, oldest first.', query: { orderBy: { createdAt: 'asc' } } }),
    emails: t.relation('emails', { type: EmailNoticeRef, description: 'What the shopper was sent about this booking, oldest first.', query: { orderBy: { createdAt: 'asc' } } }),
  }),
});

/** Shared by every list of bookings (a shopper's, the organizer's orders): one type for clients' fragments. */
export const BookingConnectionRef = builder.connectionObject({ type: BookingRef, name: 'BookingConnection' }, { name: 'BookingEdge' });

builder.drizzleObject('bookingItems', {
  name: 'BookingItem',
  fields: (t) => ({
    tier: t.relation('tier'),
    quantity: t.exposeInt('quantity'),
    unitPrice: t.field({
      type: MoneyRef,
      select: { columns: { unitPriceCents: true }, with: { tier: { columns: { currency: true } } } },
      resolve: (item) => ({ cents: item.unitPriceCents, currency: item.tier.currency }),
    }),
  }),
});

builder.queryField('booking', (t) =>
  t.drizzleField({
    type: 'bookings',
    nullable: true,
    description: "A booking, for whoever may see it (its shopper, its partner, its concert's organizer, or with its secret link's accessToken); null for anyone else, as for an id that does not exist.",
    authScopes: { $any: { shopper: true, partner: 'bookings:read' } },
    args: {
      id: t.arg.id({ required: true }),
      accessToken: t.arg.string({ description: "The secret from the booking's link (Booking.accessToken)." }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = databaseIdOf(String(args.id), 'Booking');
      if (!id) return null;
      if (ctx.bookingAccess.allows(id, args.accessToken)) grantBooking(ctx, id);
      const booking = await ctx.db.query.bookings.findFirst(query({ where: { id } }));
      // The type's own select loads the ownership columns whatever the client asked for.
      return booking && (await canSeeBooking(ctx, booking as unknown as BookingOwnership)) ? booking : null;
    },
  }),
);
