import { and, eq, sql } from 'drizzle-orm';
import { CapacityBelowSoldError } from '../booking/errors.ts';
import type { Transaction } from '../db/client.ts';
import { bookingItems, bookings, ticketTiers } from '../db/schema.ts';

export interface TierChange {
  name?: string;
  priceCents?: number;
  capacity?: number;
}

/**
 * Changes a tier under its row lock, in the caller's transaction; null when there is no such tier.
 *
 * A new price applies to bookings made from now on: a booking keeps the unit prices it was made at
 * (booking_items.unit_price_cents). Capacity may rise, or fall as far as the tickets that are
 * taken (capacity − available: sold, plus held, including holds past their expiry that the sweeper
 * has not given back yet); `available` moves by the same amount. Lower than that is a
 * CapacityBelowSoldError. The lock is what makes it exact: every booking, hold release and
 * cancellation changes `available` under the same lock, so nothing is taken between the check and
 * the write.
 */
export async function changeTier(tx: Transaction, tierId: string, change: TierChange): Promise<{ concertId: string } | null> {
  const [tier] = await tx
    .select({ concertId: ticketTiers.concertId, capacity: ticketTiers.capacity, available: ticketTiers.available })
    .from(ticketTiers)
    .where(eq(ticketTiers.id, tierId))
    .for('update');
  if (!tier) return null;
  const capacity = change.capacity ?? tier.capacity;
  const taken = tier.capacity - tier.available;
  if (capacity < taken) {
    const held = await heldTickets(tx, tierId);
    throw new CapacityBelowSoldError(taken - held, held, capacity);
  }
  await tx
    .update(ticketTiers)
    .set({ name: change.name, priceCents: change.priceCents, capacity, available: capacity - taken })
    .where(eq(ticketTiers.id, tierId));
  return { concertId: tier.concertId };
}

/** Tickets of the tier in holds not given back yet (PENDING), read under the tier's lock. */
async function heldTickets(tx: Transaction, tierId: string) {
  const [row] = await tx
    .select({ held: sql<number>`coalesce(sum(${bookingItems.quantity}), 0)::int` })
    .from(bookingItems)
    .innerJoin(bookings, eq(bookings.id, bookingItems.bookingId))
    .where(and(eq(bookingItems.tierId, tierId), eq(bookings.status, 'PENDING')));
  return row.held;
}
