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
 * Returns null when spent, or why not (with the hold it was spent on, if any).
 */
export async function spendAdmission(db: Database, admission: Admission): Promise<{ reason: AdmissionRefusal; bookingId: string | null } | null> {
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
  if (!entry) return { reason: 'FORGED', bookingId: null };
  return { reason: entry.usedAt ? 'ALREADY_USED' : 'EXPIRED', bookingId: entry.bookingId };
}

/** Whether the admission's hold is the one this idempotency key made: a retry, not a second hold. */
export async function isHoldOf(db: Database, bookingId: string, scopedIdempotencyKey: string) {
  const [hold] = await db.select({ id: bookings.id }).from(bookings).where(and(eq(bookings.id, bookingId), eq(bookings.idempotencyKey, scopedIdempotencyKey)));
  return Boolean(hold);
}

/** The hold was refused (sold out, invalid input…): the shopper may try again with the same token. */
export async function giveBackAdmission(db: Database, entryId: string) {
  await db.update(entries).set({ usedAt: null }).where(and(eq(entries.id, entryId), isNull(entries.bookingId)));
}

export async function recordHold(db: Database, entryId: string, bookingId: string) {
  await db.update(entries).set({ bookingId }).where(eq(entries.id, entryId));
}
