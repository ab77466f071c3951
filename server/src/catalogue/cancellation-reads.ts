import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../db/client.ts';
import { payments } from '../db/payments-schema.ts';
import { bookings } from '../db/schema.ts';

/**
 * Captured payments of the concert's cancelled or expired bookings: refunds still owed, skipping
 * ones that failed this run. Of `bookingIds` only when given (a batch just cancelled: found by
 * their ids, not by reading the whole concert's bookings again).
 */
export function refundsOwed(db: Database, concertId: string, failed: Set<string>, limit: number, bookingIds?: string[]) {
  return db
    .select({ id: payments.id, providerReference: payments.providerReference, amountCents: payments.amountCents })
    .from(payments)
    .innerJoin(bookings, eq(bookings.id, payments.bookingId))
    .where(
      and(
        eq(bookings.concertId, concertId),
        bookingIds ? inArray(bookings.id, bookingIds) : undefined,
        inArray(bookings.status, ['CANCELLED', 'EXPIRED']),
        eq(payments.status, 'SUCCEEDED'),
        failed.size > 0 ? sql`NOT (${payments.id} = ANY(${`{${[...failed].join(',')}}`}::uuid[]))` : undefined,
      ),
    )
    .limit(limit);
}

/** Everything refunded on the concert's payments so far, as one SQL expression. */
export const refundedOn = (concertId: string) =>
  sql<number>`(SELECT coalesce(sum(${payments.refundedCents}), 0) FROM ${payments} JOIN ${bookings} ON ${bookings.id} = ${payments.bookingId} WHERE ${bookings.concertId} = ${concertId})`;

/** What each confirmed booking paid (and is about to get back), for its email. */
export async function paidCents(tx: Transaction, bookingIds: string[]): Promise<Map<string, number>> {
  if (bookingIds.length === 0) return new Map();
  const rows = await tx
    .select({ bookingId: payments.bookingId, cents: sql<number>`sum(${payments.amountCents})::bigint`.mapWith(Number) })
    .from(payments)
    .where(and(inArray(payments.bookingId, bookingIds), eq(payments.status, 'SUCCEEDED'), gt(payments.amountCents, 0)))
    .groupBy(payments.bookingId);
  return new Map(rows.map((row) => [row.bookingId, row.cents]));
}
