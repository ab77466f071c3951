import type { BookingLinks } from '../auth/booking-access.ts';
import { eq, inArray } from 'drizzle-orm';
import type { Transaction } from '../db/client.ts';
import { bookingItems, bookings, concerts, outboxEmails, ticketTiers } from '../db/schema.ts';

export type BookingEmailKind = 'confirmation' | 'cancellation' | 'paid_too_late';

// Formatters are costly to build (a concert's cancellation writes hundreds of emails a batch): one per currency and zone.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
const money = (cents: number, currency: string) => {
  let format = formatters.get(`money:${currency}`) as Intl.NumberFormat | undefined;
  if (!format) formatters.set(`money:${currency}`, (format = new Intl.NumberFormat('en-US', { style: 'currency', currency })));
  return format.format(cents / 100);
};
const dateTime = (date: Date, timeZone: string) => {
  let format = formatters.get(`date:${timeZone}`) as Intl.DateTimeFormat | undefined;
  // The venue's zone, named: "Friday, April 2, 2027 at 7:30 PM PDT", as the web page shows it.
  const options = { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short', timeZone } as const;
  if (!format) formatters.set(`date:${timeZone}`, (format = new Intl.DateTimeFormat('en-US', options)));
  return format.format(date);
};

/**
 * Writes a shopper's email about a booking into the outbox, inside the caller's transaction: it is
 * sent only if that transaction commits. The text names the order code (the global id is for the
 * API) and links back to the booking.
 */
export function queueBookingEmail(tx: Transaction, bookingId: string, kind: BookingEmailKind, links: BookingLinks, refundedCents = 0) {
  return queueBookingEmails(tx, [bookingId], kind, links, () => refundedCents);
}

/**
 * The same email for many bookings in three statements, however many (a concert's cancellation
 * writes hundreds per transaction): their facts, their tickets, and one insert.
 */
export async function queueBookingEmails(tx: Transaction, bookingIds: string[], kind: BookingEmailKind, links: BookingLinks, refundedCents: (bookingId: string) => number = () => 0) {
  if (bookingIds.length === 0) return;
  const facts = await tx
    .select({
      id: bookings.id, email: bookings.customerEmail, orderCode: bookings.orderCode, totalCents: bookings.totalCents, currency: bookings.currency, status: bookings.status,
      concert: concerts.name, venue: concerts.venue, startsAt: concerts.startsAt, timeZone: concerts.timeZone, cancelledAt: concerts.cancelledAt, cancellationReason: concerts.cancellationReason,
    })
    .from(bookings)
    .innerJoin(concerts, eq(concerts.id, bookings.concertId))
    .where(inArray(bookings.id, bookingIds));
  const items = await tx
    .select({ bookingId: bookingItems.bookingId, tier: ticketTiers.name, quantity: bookingItems.quantity })
    .from(bookingItems)
    .innerJoin(ticketTiers, eq(ticketTiers.id, bookingItems.tierId))
    .where(inArray(bookingItems.bookingId, bookingIds))
    .orderBy(ticketTiers.position);
  const ticketsOf = new Map<string, string[]>();
  for (const item of items) ticketsOf.set(item.bookingId, [...(ticketsOf.get(item.bookingId) ?? []), `  ${item.quantity} × ${item.tier}`]);
  await tx.insert(outboxEmails).values(
    facts.map((booking) => {
      const text = textOf(kind, booking, refundedCents(booking.id));
      const when = dateTime(booking.startsAt, booking.timeZone);
      const tickets = (ticketsOf.get(booking.id) ?? []).join('\n');
      return {
        kind,
        recipient: booking.email,
        subject: text.subject,
        body: `${text.lead}\n\n${booking.concert}\n${booking.venue}\n${when}\n\n${tickets}\n\nYour booking: ${links.url(booking.id)}\n`,
        bookingId: booking.id,
      };
    }),
  );
}

interface EmailFacts {
  orderCode: string;
  totalCents: number;
  currency: string;
  /** The booking's status before this change: a hold (PENDING) was never paid. */
  status: string;
  concert: string;
  cancelledAt: Date | null;
  cancellationReason: string | null;
}

function textOf(kind: BookingEmailKind, booking: EmailFacts, refundedCents: number) {
  return {
    confirmation: {
      subject: `Your tickets for ${booking.concert} — order ${booking.orderCode}`,
      lead: `Thank you! Your order ${booking.orderCode} is confirmed and paid (${money(booking.totalCents, booking.currency)}).`,
    },
    cancellation: {
      subject: booking.cancelledAt ? `${booking.concert} is cancelled — order ${booking.orderCode}` : `Order ${booking.orderCode} cancelled`,
      lead: cancellationLead(booking, refundedCents),
    },
    paid_too_late: {
      subject: `Order ${booking.orderCode}: your payment was refunded`,
      lead: `Your payment for order ${booking.orderCode} arrived after your hold had ended, and the tickets had been sold meanwhile. We refunded ${money(refundedCents, booking.currency)} to your card in full.`,
    },
  }[kind];
}

function cancellationLead(booking: EmailFacts, refundedCents: number) {
  const refund = refundedCents > 0 ? ` ${money(refundedCents, booking.currency)} is on its way back to your card.` : booking.status === 'PENDING' ? ' Nothing was charged.' : '';
  if (!booking.cancelledAt) return `Your order ${booking.orderCode} for ${booking.concert} is cancelled.${refund}`;
  const reason = booking.cancellationReason ? ` The organizer's reason: ${booking.cancellationReason}` : '';
  const order = booking.status === 'PENDING' ? `The tickets you held (order ${booking.orderCode}) are released.` : `Your order ${booking.orderCode} is cancelled.`;
  return `We are sorry: the organizer cancelled ${booking.concert}.${reason}\n\n${order}${refund}`;
}
