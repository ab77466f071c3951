import { and, eq, inArray, sql } from 'drizzle-orm';
import { MAX_IDEMPOTENCY_KEY_LENGTH } from '../../../shared/booking-limits.ts';
import { BookingNotPayableError, IdempotencyKeyReusedError, NotFoundError, PaidTooLateError, PaymentDeclinedError, ValidationError } from '../booking/errors.ts';
import type { Database } from '../db/client.ts';
import { bookings } from '../db/schema.ts';
import { payments } from '../db/payments-schema.ts';
import { applyChargeOutcome } from './apply-charge.ts';
import type { Checkout } from './checkout.ts';
import { isStorableText } from '../db/storable-text.ts';
import { cardFingerprint, validateCard } from './card.ts';
import { ProviderTimeoutError, type Card, type PaymentProvider } from './payment-provider.ts';

export interface PayForBookingInput {
  bookingId: string;
  card: Card;
  idempotencyKey: string;
}

export interface PayForBookingResult {
  bookingId: string;
  paymentId: string;
  /** SUCCEEDED: confirmed. PROCESSING / UNKNOWN: the provider has not decided; the booking follows when it does. */
  status: 'SUCCEEDED' | 'PROCESSING' | 'UNKNOWN';
  replayed: boolean;
}

type Payment = typeof payments.$inferSelect;

/**
 * Pays a hold. The attempt is claimed under the booking's row lock (one attempt at a time; none once
 * paid), the card is charged with no lock held, and the answer is recorded once (applyChargeOutcome).
 * The attempt's id is the provider's idempotency key, so nothing is ever charged twice.
 */
export async function payForBooking(checkout: Checkout, input: PayForBookingInput): Promise<PayForBookingResult> {
  const { db, paymentProvider: provider } = checkout;
  const card = validateCard(input.card);
  if (input.idempotencyKey.length < 1 || input.idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new ValidationError(`The idempotency key must be 1–${MAX_IDEMPOTENCY_KEY_LENGTH} characters`, 'idempotencyKey');
  }
  if (!isStorableText(input.idempotencyKey)) throw new ValidationError('The idempotency key must be valid Unicode without NUL characters', 'idempotencyKey');
  const fingerprint = cardFingerprint(input.bookingId, card);
  const claim = await claimAttempt(db, provider, input, card, fingerprint);
  if (claim.replay) return replay(claim.replay, fingerprint);
  const payment = claim.payment;

  let outcome;
  try {
    outcome = await provider.charge({ idempotencyKey: payment.id, amountCents: payment.amountCents, currency: payment.currency, card });
  } catch (error) {
    // Charged or not, nobody knows yet: settlement asks the provider later. Never charge again here.
    await db.update(payments).set({ status: 'UNKNOWN', updatedAt: sql`now()` }).where(and(eq(payments.id, payment.id), eq(payments.status, 'PROCESSING')));
    if (error instanceof ProviderTimeoutError) return { bookingId: input.bookingId, paymentId: payment.id, status: 'UNKNOWN', replayed: false };
    throw error;
  }
  const status = await applyChargeOutcome(checkout, payment.id, outcome);
  return { bookingId: input.bookingId, paymentId: payment.id, status, replayed: false };
}

async function claimAttempt(db: Database, provider: PaymentProvider, input: PayForBookingInput, card: Card, fingerprint: string) {
  return db.transaction(async (tx) => {
    const [booking] = await tx
      .select({ status: bookings.status, totalCents: bookings.totalCents, currency: bookings.currency })
      .from(bookings)
      .where(eq(bookings.id, input.bookingId))
      .for('update');
    if (!booking) throw new NotFoundError('Booking', input.bookingId);
    const [earlier] = await tx.select().from(payments).where(and(eq(payments.bookingId, input.bookingId), eq(payments.idempotencyKey, input.idempotencyKey)));
    if (earlier) return { replay: earlier };
    const [blocking] = await tx
      .select({ status: payments.status })
      .from(payments)
      .where(and(eq(payments.bookingId, input.bookingId), inArray(payments.status, ['SUCCEEDED', 'PROCESSING', 'UNKNOWN'])));
    if (blocking) throw new BookingNotPayableError(blocking.status === 'SUCCEEDED' ? 'PAID' : 'PAYMENT_IN_PROGRESS');
    if (booking.status !== 'PENDING') throw new BookingNotPayableError(booking.status);
    const [payment] = await tx
      .insert(payments)
      .values({
        bookingId: input.bookingId,
        idempotencyKey: input.idempotencyKey,
        requestFingerprint: fingerprint,
        amountCents: booking.totalCents,
        currency: booking.currency,
        status: 'PROCESSING',
        provider: provider.name,
        cardLast4: card.number.slice(-4),
      })
      .returning();
    return { payment };
  }) as Promise<{ replay: Payment; payment?: undefined } | { payment: Payment; replay?: undefined }>;
}

/** The same key again: the first attempt's outcome, never a second charge. */
function replay(payment: Payment, fingerprint: string): PayForBookingResult {
  if (payment.requestFingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
  if (payment.status === 'DECLINED') throw new PaymentDeclinedError(payment.declineCode ?? 'card_declined');
  if (payment.status === 'REFUNDED') throw new PaidTooLateError(payment.refundedCents);
  return { bookingId: payment.bookingId, paymentId: payment.id, status: payment.status, replayed: true };
}
