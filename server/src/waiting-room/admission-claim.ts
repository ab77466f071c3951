import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { bookings } from '../db/schema.ts';
import { waitingRoomEntries as entries } from '../db/waiting-room-schema.ts';
import type { Admission, AdmissionRefusal } from './admission-token.ts';

/**
 * How long the hold an admission was spent on may still be under way (statement and lock timeouts
 * are seconds). Past it, a spent admission with no hold recorded was lost with its server, between
 * the spend and the hold, unless the shopper's hold exists anyway (the server died before recording
 * it): see spendAdmission.
 */
export const HOLD_UNDER_WAY_SECONDS = 30;

/**
 * Bookings of the entry's concert made by one of `scopes` (idempotency scopes, booking-caller.ts)
 * since the entry's admission was spent: the hold that spent it, if it was written. A booking's
 * created_at is its batch's start, after the spend committed; the second of slack covers its
 * millisecond rounding.
 */
const holdsSinceSpent = (scopes: readonly string[]) => sql`
  SELECT ${bookings.id} FROM ${bookings}
  WHERE ${bookings.concertId} = ${entries.concertId} AND ${bookings.createdAt} >= ${entries.usedAt} - interval '1 second'
    AND split_part(${bookings.idempotencyKey}, '/', 1) = ANY(${sql.param([...scopes])}::text[])`;

/**
 * Spends an admission before its hold is written: one conditional UPDATE, so of any number of
 * concurrent holds with one token (on any instance) exactly one finds it unspent. The hold then
 * runs in the coalesced booking batch (booking/commit-booking-batch.ts), which this cannot join
 * without slowing every batch; so a hold that is refused gives the admission back
 * (giveBackAdmission), and one that succeeds records its booking (recordHold), which keeps the
 * shopper counted as shopping while the hold is pending (admission-ticker.ts).
 *
 * A server that dies between the spend and the hold leaves the admission spent with no hold, and
 * the shopper locked out of checkout for good. So an admission spent over HOLD_UNDER_WAY_SECONDS ago
 * that recorded no hold, and whose shopper (`scopes`) made no booking of the concert since, counts
 * as unspent: it can be spent again, still once, and still only before it expires.
 * Returns null when spent, or why not (with the hold it was spent on, if recorded).
 */
export async function spendAdmission(
  db: Database,
  admission: Admission,
  scopes: readonly string[],
): Promise<{ reason: AdmissionRefusal; bookingId: string | null; usedAt: Date | null } | null> {
  const lostWithItsServer = sql`(${entries.bookingId} IS NULL AND ${entries.usedAt} < now() - make_interval(secs => ${HOLD_UNDER_WAY_SECONDS})
    AND NOT EXISTS (${holdsSinceSpent(scopes)}))`;
  const spent = await db
    .update(entries)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(entries.id, admission.entryId),
        eq(entries.concertId, admission.concertId),
        eq(entries.identity, admission.identity),
        sql`(${entries.usedAt} IS NULL OR ${lostWithItsServer})`,
        sql`${entries.admissionExpiresAt} > now()`,
      ),
    )
    .returning({ id: entries.id });
  if (spent.length > 0) return null;
  // The refusal path only: say why.
  const [entry] = await db.select({ usedAt: entries.usedAt, bookingId: entries.bookingId }).from(entries).where(eq(entries.id, admission.entryId));
  if (!entry) return { reason: 'FORGED', bookingId: null, usedAt: null };
  return { reason: entry.usedAt ? 'ALREADY_USED' : 'EXPIRED', bookingId: entry.bookingId, usedAt: entry.usedAt };
}

/**
 * Whether the hold this admission was spent on is the one this idempotency key made: a retry, not a
 * second hold. Without a recorded hold (its server died before recording it), the key's booking of
 * the concert made since the spend is that hold.
 */
export async function isHoldOf(db: Database, spent: { bookingId: string | null; usedAt: Date | null }, concertId: string, scopedIdempotencyKey: string) {
  const theHold = spent.bookingId
    ? eq(bookings.id, spent.bookingId)
    : spent.usedAt && and(eq(bookings.concertId, concertId), sql`${bookings.createdAt} >= ${spent.usedAt.toISOString()}::timestamptz - interval '1 second'`);
  if (!theHold) return false;
  const [hold] = await db.select({ id: bookings.id }).from(bookings).where(and(theHold, eq(bookings.idempotencyKey, scopedIdempotencyKey)));
  return Boolean(hold);
}

/** The hold was refused (sold out, invalid input…): the shopper may try again with the same token. */
export async function giveBackAdmission(db: Database, entryId: string) {
  await db.update(entries).set({ usedAt: null }).where(and(eq(entries.id, entryId), isNull(entries.bookingId)));
}

export async function recordHold(db: Database, entryId: string, bookingId: string) {
  await db.update(entries).set({ bookingId }).where(eq(entries.id, entryId));
}
