import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { bookings } from '../db/schema.ts';
import { waitingRoomEntries as entries } from '../db/waiting-room-schema.ts';
import type { Admission, AdmissionRefusal } from './admission-token.ts';

export type AdmissionSpend =
  | { kind: 'spent'; spends: number }
  | { kind: 'retried' }
  | { kind: 'refused'; reason: AdmissionRefusal; bookingId: string | null };

/**
 * Spends an admission before its hold is written: one conditional UPDATE, so of any number of
 * concurrent holds with one token (on any instance) exactly one finds used_at still NULL. The hold
 * then runs in the coalesced booking batch (booking/commit-booking-batch.ts), which this cannot
 * join without slowing every batch; so a hold that is refused gives the admission back
 * (giveBackAdmission), and one that succeeds records its booking (recordHold), which keeps the
 * shopper counted as shopping while the hold is pending (admission-ticker.ts).
 *
 * A spent admission with no hold recorded is taken up again only by a retry with the idempotency
 * key that spent it (`retried`): its server may have died before the hold was written, or after,
 * or the hold may still be queued on a live server. Whichever way, every hold it and its retries
 * can make carries that one key, and a key makes one booking, so one admission still opens one hold.
 * Any other key is refused, however long ago the spend: it would be a second hold.
 */
export async function spendAdmission(db: Database, admission: Admission, scopedIdempotencyKey: string): Promise<AdmissionSpend> {
  // A second pass only when a refused try gave the admission back between the statements below.
  for (let attempt = 1; ; attempt++) {
    const outcome = await trySpend(db, admission, scopedIdempotencyKey);
    if (outcome !== 'given back meanwhile') return outcome;
    if (attempt === 2) return { kind: 'refused', reason: 'ALREADY_USED', bookingId: null };
  }
}

async function trySpend(db: Database, admission: Admission, scopedIdempotencyKey: string): Promise<AdmissionSpend | 'given back meanwhile'> {
  const theirs = and(
    eq(entries.id, admission.entryId),
    eq(entries.concertId, admission.concertId),
    eq(entries.identity, admission.identity),
    sql`${entries.admissionExpiresAt} > now()`,
  );
  const [spent] = await db
    .update(entries)
    .set({ usedAt: sql`now()`, usedKey: scopedIdempotencyKey, spends: sql`${entries.spends} + 1` })
    .where(and(theirs, isNull(entries.usedAt)))
    .returning({ spends: entries.spends });
  if (spent) return { kind: 'spent', spends: spent.spends };
  // The refusal and retry paths only.
  const [retried] = await db
    .update(entries)
    .set({ spends: sql`${entries.spends} + 1` })
    .where(and(theirs, isNotNull(entries.usedAt), eq(entries.usedKey, scopedIdempotencyKey), isNull(entries.bookingId)))
    .returning({ id: entries.id });
  if (retried) return { kind: 'retried' };
  const [entry] = await db
    .select({ usedAt: entries.usedAt, bookingId: entries.bookingId, expired: sql<boolean>`${entries.admissionExpiresAt} IS NULL OR ${entries.admissionExpiresAt} <= now()` })
    .from(entries)
    .where(eq(entries.id, admission.entryId));
  if (!entry) return { kind: 'refused', reason: 'FORGED', bookingId: null };
  if (entry.usedAt) return { kind: 'refused', reason: 'ALREADY_USED', bookingId: entry.bookingId };
  if (entry.expired) return { kind: 'refused', reason: 'EXPIRED', bookingId: null };
  return 'given back meanwhile';
}

/** The recorded hold of a spent admission, if this idempotency key made it: a retry whose answer was lost. */
export async function recordedHoldOf(db: Database, bookingId: string | null, scopedIdempotencyKey: string): Promise<string | null> {
  if (!bookingId) return null;
  const [hold] = await db.select({ id: bookings.id }).from(bookings).where(and(eq(bookings.id, bookingId), eq(bookings.idempotencyKey, scopedIdempotencyKey)));
  return hold?.id ?? null;
}

/**
 * The hold was refused (sold out, invalid input…), or replayed one made before the spend: the
 * shopper may try again with the same token. Unless a retry took the admission up since (`spends`
 * moved on): that retry's hold may yet be written, so the admission stays spent.
 */
export async function giveBackAdmission(db: Database, entryId: string, spends: number) {
  await db
    .update(entries)
    .set({ usedAt: null, usedKey: null })
    .where(and(eq(entries.id, entryId), eq(entries.spends, spends), isNull(entries.bookingId)));
}

/**
 * The admission opened this hold. Not a booking its key made before the spend (a retry's replay of
 * one made while the room was off, say): the admission opened nothing, and stays as it is.
 */
export async function recordHold(db: Database, entryId: string, bookingId: string) {
  await db
    .update(entries)
    .set({ bookingId })
    .where(and(eq(entries.id, entryId), sql`EXISTS (SELECT 1 FROM ${bookings} WHERE ${bookings.id} = ${bookingId} AND ${bookings.createdAt} >= ${entries.usedAt})`));
}
