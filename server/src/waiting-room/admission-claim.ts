import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { bookings } from '../db/schema.ts';
import { waitingRoomEntries as entries } from '../db/waiting-room-schema.ts';
import type { Admission, AdmissionRefusal } from './admission-token.ts';

/**
 * Spends an admission before its hold is written: one conditional UPDATE, so of any number of
 * concurrent holds with one token (on any instance) exactly one finds used_at still NULL. The hold
 * then runs in the coalesced booking batch (booking/commit-booking-batch.ts), which this cannot
 * join without slowing every batch; so a hold that is refused gives the admission back
 * (giveBackAdmission), and one that succeeds records its booking (recordHold), which keeps the
 * shopper counted as shopping while the hold is pending (admission-ticker.ts).
 * A spent admission is never spent again, however long ago: with no hold recorded, its hold may
 * still be queued on a live but overloaded server, and two holds from one admission would be worse
 * than the known gap this leaves: a shopper whose server died mid-hold loses their admission.
 * Returns null when spent, or why not (with the hold it was spent on, if recorded).
 */
export async function spendAdmission(db: Database, admission: Admission): Promise<{ reason: AdmissionRefusal; bookingId: string | null; usedAt: Date | null } | null> {
  const spent = await db
    .update(entries)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(entries.id, admission.entryId),
        eq(entries.concertId, admission.concertId),
        eq(entries.identity, admission.identity),
        isNull(entries.usedAt),
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
 * The booking this idempotency key made with the admission, if any: the spent admission's recorded
 * hold, or, when none was recorded (its server died, or recording failed, after the hold was
 * written), the key's booking of the concert made since the spend. A booking's created_at is its
 * batch's start, after the spend committed; the second of slack covers its millisecond rounding.
 */
export async function holdOf(db: Database, spent: { bookingId: string | null; usedAt: Date | null }, concertId: string, scopedIdempotencyKey: string): Promise<string | null> {
  const theHold = spent.bookingId
    ? eq(bookings.id, spent.bookingId)
    : spent.usedAt && and(eq(bookings.concertId, concertId), sql`${bookings.createdAt} >= ${spent.usedAt.toISOString()}::timestamptz - interval '1 second'`);
  if (!theHold) return null;
  const [hold] = await db.select({ id: bookings.id }).from(bookings).where(and(theHold, eq(bookings.idempotencyKey, scopedIdempotencyKey)));
  return hold?.id ?? null;
}

/** The hold was refused (sold out, invalid input…): the shopper may try again with the same token. */
export async function giveBackAdmission(db: Database, entryId: string) {
  await db.update(entries).set({ usedAt: null }).where(and(eq(entries.id, entryId), isNull(entries.bookingId)));
}

export async function recordHold(db: Database, entryId: string, bookingId: string) {
  await db.update(entries).set({ bookingId }).where(eq(entries.id, entryId));
}
