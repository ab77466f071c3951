import { and, eq, inArray, sql } from 'drizzle-orm';
import { confirmBookingAndAnnounce } from '../analytics/sales-channel.ts';
import { PaidTooLateError, PaymentDeclinedError } from '../booking/errors.ts';
import type { Transaction } from '../db/client.ts';
import { queueBookingEmail } from '../emails/booking-emails.ts';
import type { Checkout } from './checkout.ts';
import { bookingItems, bookings, ticketTiers } from '../db/schema.ts';
import { payments } from '../db/payments-schema.ts';
import { IN_FLIGHT } from '../booking/payment-in-flight.ts';
import { takeTickets } from '../booking/take-tickets.ts';
import type { ChargeOutcome } from './payment-provider.ts';
import { refundKeyOf } from './refund-payment.ts';

export type SettledStatus = 'SUCCEEDED' | 'PROCESSING';

/**
 * Records what the provider said about an attempt, once: only an attempt still PROCESSING or UNKNOWN
 * changes, under the booking's row lock, so a webhook, a settlement run and the shopper's own request
 * can all report the same charge and the booking is confirmed (or refunded) once.
 * - declined: the attempt is DECLINED and the hold stays, for another card;
 * - succeeded on a live hold: the booking is CONFIRMED;
 * - succeeded after the hold ended: the tickets are taken again if they are still free and the
 *   concert still sells, otherwise the charge is refunded in full (PaidTooLateError). Never a
 *   confirmed booking without its tickets.
 */
export async function applyChargeOutcome(checkout: Checkout, paymentId: string, outcome: ChargeOutcome): Promise<SettledStatus> {
  const { db, paymentProvider: provider, bookingLinks } = checkout;
  if (outcome.status === 'declined') {
    await db
      .update(payments)
      .set({ status: 'DECLINED', declineCode: outcome.declineCode, providerReference: outcome.reference, updatedAt: sql`now()` })
      .where(and(eq(payments.id, paymentId), inArray(payments.status, [...IN_FLIGHT])));
    throw new PaymentDeclinedError(outcome.declineCode);
  }
  if (outcome.status === 'processing') {
    // Guarded like every other transition: a webhook that already settled this attempt must not be undone.
    await db
      .update(payments)
      .set({ status: 'PROCESSING', providerReference: outcome.reference, updatedAt: sql`now()` })
      .where(and(eq(payments.id, paymentId), inArray(payments.status, [...IN_FLIGHT])));
    return 'PROCESSING';
  }
  const refund = await db.transaction(async (tx) => {
    const [payment] = await tx.select().from(payments).where(eq(payments.id, paymentId));
    const [booking] = await tx.select({ status: bookings.status }).from(bookings).where(eq(bookings.id, payment.bookingId)).for('update');
    const [current] = await tx.select({ status: payments.status }).from(payments).where(eq(payments.id, paymentId)).for('update');
    if (current.status === 'SUCCEEDED') return null; // someone else recorded this charge first
    if (current.status === 'REFUNDED') throw new PaidTooLateError(payment.amountCents);
    const captured = { status: 'SUCCEEDED' as const, providerReference: outcome.reference, updatedAt: sql`now()` };
    await tx.update(payments).set(captured).where(eq(payments.id, paymentId));
    // A booking already CONFIRMED (paid another way meanwhile) keeps its tickets; this charge is refunded.
    const confirmable = booking.status === 'PENDING' || (booking.status !== 'CONFIRMED' && (await retakeTickets(tx, payment.bookingId)));
    if (confirmable) {
      await tx.execute(confirmBookingAndAnnounce(payment.bookingId));
      await queueBookingEmail(tx, payment.bookingId, 'confirmation', bookingLinks);
      return null;
    }
    return { reference: outcome.reference, amountCents: payment.amountCents, bookingId: payment.bookingId };
  });
  if (!refund) return 'SUCCEEDED';
  // Outside the transaction: no row stays locked while the provider is called. If the refund fails,
  // the attempt stays SUCCEEDED on an unconfirmed booking and settlement retries it.
  await provider.refund({ idempotencyKey: refundKeyOf(paymentId), reference: refund.reference, amountCents: refund.amountCents });
  await db.transaction(async (tx) => {
    const refunded = await tx
      .update(payments)
      .set({ status: 'REFUNDED', refundedCents: refund.amountCents, updatedAt: sql`now()` })
      .where(and(eq(payments.id, paymentId), eq(payments.status, 'SUCCEEDED')))
      .returning({ id: payments.id });
    if (refunded.length > 0) await queueBookingEmail(tx, refund.bookingId, 'paid_too_late', bookingLinks, refund.amountCents);
  });
  throw new PaidTooLateError(refund.amountCents);
}

/** Takes a lapsed booking's tickets again if every tier still has them; locks tiers in id order. */
async function retakeTickets(tx: Transaction, bookingId: string): Promise<boolean> {
  const items = await tx.select({ tierId: bookingItems.tierId, quantity: bookingItems.quantity }).from(bookingItems).where(eq(bookingItems.bookingId, bookingId));
  const tiers = await tx
    .select({ id: ticketTiers.id, available: ticketTiers.available, salesStopped: ticketTiers.salesStopped })
    .from(ticketTiers)
    .where(inArray(ticketTiers.id, items.map((item) => item.tierId)))
    .orderBy(ticketTiers.id)
    .for('update');
  // A concert that does not sell now (paused, unpublished, cancelled: catalogue/sales-stop.ts) sells
  // nothing to a payment that arrived late either: it is refunded.
  if (tiers.some((tier) => tier.salesStopped)) return false;
  const available = new Map(tiers.map((tier) => [tier.id, tier.available]));
  if (!items.every((item) => (available.get(item.tierId) ?? 0) >= item.quantity)) return false;
  await tx.execute(takeTickets(items.map((item) => [item.tierId, item.quantity])));
  return true;
}
