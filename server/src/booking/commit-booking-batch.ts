import { inArray, sql } from 'drizzle-orm';
import type { DatabaseConnection } from '../db/client.ts';
import { bookingItems, bookings, ticketTiers } from '../db/schema.ts';
import { allowancesOf, isHold, lockCustomerHolds, ticketsOf } from './customer-limit.ts';
import { bookBatchInOneStatement } from './one-statement-batch.ts';
import { expiredHoldsWithin, releaseHolds } from './hold-release.ts';
import { takeTickets } from './take-tickets.ts';
import { byIdempotencyKey, totalCents, type BookingOutcome, type PreparedBooking, type WrittenColumns } from './prepared-booking.ts';

/**
 * Writes a batch of bookings in one transaction; each booking is still all-or-nothing on its own.
 *
 * Lock order, the same for every transaction so none can deadlock another:
 * 1. idempotency keys, claimed by inserting the booking rows in key order. A concurrent request with
 *    the same key waits here, before it holds any tier lock, and then sees the key taken.
 * 2. tier rows, locked with FOR UPDATE in id order; availability is checked and decremented under
 *    those locks, in the same transaction, so nothing can sell a ticket in between.
 * A batch with holds first locks each holding customer (customer-limit.ts), before any key.
 * Bookings that cannot be fully served release their claim; the others commit together.
 */
export async function commitBookingBatch(connection: Pick<DatabaseConnection, 'db' | 'run' | 'transaction'>, batch: PreparedBooking[]): Promise<BookingOutcome[]> {
  // The common case, every booking served, costs one round trip; a batch that meets a tier short of
  // tickets wrote nothing there and is decided here, booking by booking.
  for (let attempt = 1; ; attempt++) {
    try {
      return (await bookBatchInOneStatement(connection, batch)) ?? (await commitBatchCarefully(connection, batch));
    } catch (error) {
      // Postgres draws order codes at random; a clash with an existing one (about one in 10^6 at a
      // million bookings) rolled everything back, and a second try draws new ones.
      if (attempt < 3 && isOrderCodeClash(error)) continue;
      throw error;
    }
  }
}

const isOrderCodeClash = (error: unknown) =>
  (error as { code?: string }).code === '23505' && (error as { constraint?: string }).constraint === 'bookings_order_code_unique';

/** The careful path: several statements in one transaction, deciding each booking on its own. */
export async function commitBatchCarefully({ db }: Pick<DatabaseConnection, 'db'>, batch: PreparedBooking[]): Promise<BookingOutcome[]> {
  const outcomes = new Map<PreparedBooking, BookingOutcome>();
  const holds = batch.filter(isHold);
  await db.transaction(async (tx) => {
    if (holds.length > 0) await lockCustomerHolds(tx, holds);
    const claimed = await tx
      .insert(bookings)
      .values(
        [...batch].sort(byIdempotencyKey).map((booking) => ({
          id: booking.bookingId,
          concertId: booking.concertId,
          customerEmail: booking.customerEmail,
          totalCents: totalCents(booking),
          currency: booking.currency,
          idempotencyKey: booking.idempotencyKey,
          requestFingerprint: booking.fingerprint,
          apiKeyId: booking.apiKeyId,
          userId: booking.userId,
          status: booking.holdSeconds === null ? ('CONFIRMED' as const) : ('PENDING' as const),
          expiresAt: booking.holdSeconds === null ? null : sql`now() + make_interval(secs => ${booking.holdSeconds})`,
        })),
      )
      .onConflictDoNothing({ target: bookings.idempotencyKey })
      .returning({ id: bookings.id, createdAt: bookings.createdAt, orderCode: bookings.orderCode, expiresAt: bookings.expiresAt });
    // By booking id, not key: of two rows with one key in this batch only the first is inserted.
    const claimedIds = new Map<string, WrittenColumns>(claimed.map(({ id, ...written }) => [id, written]));
    const contenders = batch.filter((booking) => claimedIds.has(booking.bookingId));
    for (const booking of batch) if (!claimedIds.has(booking.bookingId)) outcomes.set(booking, { kind: 'keyTaken' });
    if (contenders.length === 0) return;
    // Counted under the customer locks, in a fresh snapshot that sees every earlier hold of theirs;
    // before the tier locks, so that they are not held while this round trip is made.
    const heldContenders = contenders.filter(isHold);
    const allowances = heldContenders.length > 0 ? await allowancesOf(tx, heldContenders) : new Map<string, never>();

    const tierIds = [...new Set(contenders.flatMap((booking) => booking.items.map((item) => item.tierId)))];
    const lockTiers = () =>
      tx.select({ id: ticketTiers.id, available: ticketTiers.available, salesStopped: ticketTiers.salesStopped }).from(ticketTiers).where(inArray(ticketTiers.id, tierIds)).orderBy(ticketTiers.id).for('update');
    let locked = await lockTiers();
    // An expired hold must never cause a SoldOutError: before refusing anyone, give back the expired
    // holds of these tiers (under the locks already held) and look again.
    const demand = new Map<string, number>();
    for (const booking of contenders) for (const item of booking.items) demand.set(item.tierId, (demand.get(item.tierId) ?? 0) + item.quantity);
    const short = locked.filter((tier) => tier.available < (demand.get(tier.id) ?? 0)).map((tier) => tier.id);
    if (short.length > 0) {
      const [{ released }] = (await tx.execute<{ released: number }>(releaseHolds(expiredHoldsWithin(short, locked.map((tier) => tier.id)), 'EXPIRED'))).rows;
      if (released > 0) locked = await lockTiers();
    }
    const available = new Map(locked.map((tier) => [tier.id, tier.available]));
    const stopped = new Set(locked.filter((tier) => tier.salesStopped).map((tier) => tier.id));
    const heldBy = new Map<string, number>();

    // First come, first served, in arrival order.
    const accepted: PreparedBooking[] = [];
    const rejected: string[] = [];
    for (const booking of contenders) {
      // A tier deleted after its facts were cached has no row to lock: that booking names nothing.
      const gone = booking.items.find((item) => !available.has(item.tierId));
      if (gone) {
        outcomes.set(booking, { kind: 'tierGone', tierId: gone.tierId });
        rejected.push(booking.bookingId);
        continue;
      }
      // Priced before this instance heard that the concert stopped selling (catalogue/sales-stop.ts).
      if (booking.items.some((item) => stopped.has(item.tierId))) {
        outcomes.set(booking, { kind: 'salesStopped', concertId: booking.concertId });
        rejected.push(booking.bookingId);
        continue;
      }
      const allowance = allowances.get(booking.bookingId);
      const alreadyHeld = allowance ? (heldBy.get(allowance.customer) ?? allowance.held) : 0;
      if (allowance && alreadyHeld + ticketsOf(booking) > allowance.limit) {
        outcomes.set(booking, { kind: 'overLimit', limit: allowance.limit, alreadyHeld, requested: ticketsOf(booking) });
        rejected.push(booking.bookingId);
        continue;
      }
      const short = booking.items.find((item) => available.get(item.tierId)! < item.quantity);
      if (short) {
        const left = available.get(short.tierId)!;
        outcomes.set(booking, { kind: 'soldOut', tierId: short.tierId, tierName: short.tierName, requested: short.quantity, available: left });
        rejected.push(booking.bookingId);
        continue;
      }
      for (const item of booking.items) available.set(item.tierId, available.get(item.tierId)! - item.quantity);
      if (allowance) heldBy.set(allowance.customer, alreadyHeld + ticketsOf(booking));
      outcomes.set(booking, { kind: 'booked', bookingId: booking.bookingId, ...claimedIds.get(booking.bookingId)! });
      accepted.push(booking);
    }

    if (rejected.length > 0) await tx.delete(bookings).where(inArray(bookings.id, rejected));
    if (accepted.length === 0) return;

    const soldPerTier = new Map<string, number>();
    for (const booking of accepted) {
      for (const item of booking.items) soldPerTier.set(item.tierId, (soldPerTier.get(item.tierId) ?? 0) + item.quantity);
    }
    await tx.execute(takeTickets(soldPerTier));
    await tx.insert(bookingItems).values(
      accepted.flatMap((booking) =>
        booking.items.map((item) => ({
          bookingId: booking.bookingId,
          tierId: item.tierId,
          quantity: item.quantity,
          unitPriceCents: item.unitPriceCents,
        })),
      ),
    );
  });
  return batch.map((booking) => outcomes.get(booking)!);
}
