import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { bookings } from '../db/schema.ts';
import type { BookingCoalescer } from './booking-coalescer.ts';
import { AdmissionRequiredError } from '../waiting-room/errors.ts';
import { scopedIdempotencyKey, validateBookingRequest, type BookingCaller, type BookingRequest } from './booking-request.ts';
import { closedReason } from '../catalogue/sales-window.ts';
import { IdempotencyKeyReusedError, NotFoundError, NotOnSaleError, SoldOutError, TicketLimitExceededError, ValidationError } from './errors.ts';
import { requestFingerprint } from './fingerprint.ts';
import { totalCents, type PreparedBooking, type WrittenColumns } from './prepared-booking.ts';
import type { TierCatalogue } from './tier-catalogue.ts';

export type BookingRow = typeof bookings.$inferSelect;

export interface BookTicketsResult {
  bookingId: string;
  /** True when an earlier request with the same idempotency key and input made this booking. */
  replayed: boolean;
  /** The booking row as written, for a new booking: answering with it costs no read. */
  booking?: BookingRow;
}

export interface BookingDependencies {
  db: Database;
  tierCatalogue: TierCatalogue;
  bookingQueue: BookingCoalescer;
}

/**
 * Books every item of the request or none: confirmed at once (`book`), or held as PENDING until the
 * concert's hold time runs out (`hold`). Both go through the same coalesced batch; only holds count
 * against the concert's limit of tickets per customer (customer-limit.ts). Expected failures
 * are thrown as the typed errors of ./errors.ts, always before anything is written or with
 * everything rolled back.
 */
export async function bookTickets(
  { db, tierCatalogue, bookingQueue }: BookingDependencies,
  input: BookingRequest,
  caller: BookingCaller,
  kind: 'book' | 'hold' = 'book',
): Promise<BookTicketsResult> {
  const request = validateBookingRequest(input);
  const fingerprint = requestFingerprint(request, kind);
  let prepared = await priceRequest(tierCatalogue, request, caller, fingerprint, kind);

  let outcome = await bookingQueue.submit(prepared);
  if (outcome.kind === 'salesStopped') {
    // Priced from facts this instance held before it heard of the stop: facts read afresh say why
    // (NotOnSaleError, or NotFoundError once unpublished). Sales resumed meanwhile: one more try.
    tierCatalogue.forgetConcert(outcome.concertId);
    prepared = await priceRequest(tierCatalogue, request, caller, fingerprint, kind);
    outcome = await bookingQueue.submit(prepared);
  }
  switch (outcome.kind) {
    case 'booked':
      return { bookingId: outcome.bookingId, replayed: false, booking: writtenRow(prepared, outcome) };
    case 'soldOut':
      throw new SoldOutError(outcome.tierId, outcome.tierName, outcome.requested, outcome.available);
    case 'overLimit':
      throw new TicketLimitExceededError(outcome.limit, outcome.alreadyHeld, outcome.requested);
    case 'tierGone':
      tierCatalogue.forget(outcome.tierId);
      throw new NotFoundError('TicketTier', outcome.tierId);
    case 'keyTaken':
      return replayBooking(db, prepared.idempotencyKey, fingerprint);
    case 'salesStopped':
      throw new NotOnSaleError(request.concertId, 'PAUSED', null);
  }
}

/**
 * Checks that the concert and tiers exist and belong together, and fixes the unit prices. Tier facts
 * come from the per-process TierCatalogue, so once warm this costs no database round trip.
 */
async function priceRequest(catalogue: TierCatalogue, request: BookingRequest, caller: BookingCaller, fingerprint: string, kind: 'book' | 'hold'): Promise<PreparedBooking> {
  const tiersById = await catalogue.tiers(request.items.map((item) => item.tierId));
  const allOfThisConcert = request.items.every((item) => tiersById.get(item.tierId)?.concertId === request.concertId);
  // Tiers prove their concert exists (foreign key); only an odd request needs the concert looked up.
  if (!allOfThisConcert && !(await catalogue.concertExists(request.concertId))) {
    throw new NotFoundError('Concert', request.concertId);
  }
  // The concert's facts ride along with each of its tiers: its sales window costs no read either.
  const concert = request.items.map((item) => tiersById.get(item.tierId)).find((tier) => tier?.concertId === request.concertId);
  if (concert) {
    // Nobody books an unpublished concert: to shoppers and partners it does not exist.
    if (!concert.published) throw new NotFoundError('Concert', request.concertId);
    const closed = closedReason(concert.window);
    if (closed) throw new NotOnSaleError(request.concertId, closed, closed === 'NOT_YET_ON_SALE' ? concert.window.onSaleAt : null);
    const tickets = request.items.reduce((sum, item) => sum + item.quantity, 0);
    if (concert.maxTicketsPerOrder !== null && tickets > concert.maxTicketsPerOrder) {
      throw new ValidationError(`At most ${concert.maxTicketsPerOrder} tickets per order for this concert; ${tickets} requested`, 'items');
    }
    // A booking (a partner's: shoppers hold) would skip the concert's waiting room while it is on.
    // Holds pass the room's own gate before they get here (waiting-room/admission-gate.ts).
    if (kind === 'book' && concert.waitingRoom) throw new AdmissionRequiredError(request.concertId, true);
  }

  const items = request.items.map((item, index) => {
    const tier = tiersById.get(item.tierId);
    if (!tier) throw new NotFoundError('TicketTier', item.tierId);
    if (tier.concertId !== request.concertId) {
      throw new ValidationError(`Tier ${tier.name} does not belong to this concert`, `items[${index}].tierId`);
    }
    return { tierId: tier.id, tierName: tier.name, quantity: item.quantity, unitPriceCents: tier.priceCents };
  });

  return {
    bookingId: randomUUID(),
    concertId: request.concertId,
    customerEmail: request.customerEmail,
    idempotencyKey: scopedIdempotencyKey(caller, request.idempotencyKey),
    fingerprint,
    apiKeyId: caller.apiKeyId,
    userId: caller.userId,
    currency: tiersById.get(request.items[0].tierId)!.currency,
    holdSeconds: kind === 'hold' ? tiersById.get(request.items[0].tierId)!.holdSeconds : null,
    items,
  };
}

/** Exactly the row commitBookingBatch inserted: the columns it wrote, the defaults Postgres filled in. */
function writtenRow(booking: PreparedBooking, written: WrittenColumns): BookingRow {
  return {
    id: booking.bookingId,
    concertId: booking.concertId,
    status: booking.holdSeconds === null ? 'CONFIRMED' : 'PENDING',
    customerEmail: booking.customerEmail,
    totalCents: totalCents(booking),
    currency: booking.currency,
    idempotencyKey: booking.idempotencyKey,
    requestFingerprint: booking.fingerprint,
    apiKeyId: booking.apiKeyId,
    userId: booking.userId,
    ...written,
  };
}

async function replayBooking(db: Database, idempotencyKey: string, fingerprint: string): Promise<BookTicketsResult> {
  const [original] = await db
    .select({ id: bookings.id, fingerprint: bookings.requestFingerprint })
    .from(bookings)
    .where(eq(bookings.idempotencyKey, idempotencyKey));
  // The key's holder committed before our claim was refused, so its row is visible here.
  if (!original) throw new Error(`idempotency key was taken but no booking holds it`);
  if (original.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
  return { bookingId: original.id, replayed: true };
}
