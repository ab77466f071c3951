import { describeFailure, type UnknownCause } from '../booking/shopperMessages';
import { cardSignature, emptyCard, formatCardNumber, formatExpiry, parseCard, type Card, type CardDraft, type CardErrors } from './cardInput';
import type { PaymentNotice } from './paymentMessages';

// Paying for a hold as a state machine, like the booking form (booking/bookingState.ts): what the
// shopper typed (draft) apart from where the payment stands (status). The attempt's idempotency
// key survives an unknown outcome, so paying again with the same card replays the first charge.

export type PaymentStatus =
  | { kind: 'editing'; errors: CardErrors; notice?: PaymentNotice }
  | { kind: 'paying'; card: Card; key: string }
  | { kind: 'unknownOutcome'; card: Card; key: string; cause: UnknownCause }
  /** The server took the payment; the booking (status, payments) says what happens next. */
  | { kind: 'accepted' };

export interface CheckoutState {
  draft: CardDraft;
  status: PaymentStatus;
  pending: { key: string; signature: string } | null;
}

export type PayOutcome = { kind: 'accepted' } | { kind: 'notice'; notice: PaymentNotice };

export type CheckoutAction =
  | { type: 'fieldChanged'; field: keyof CardDraft; value: string }
  | { type: 'testCardChosen'; number: string; expiry: string }
  | { type: 'submitted'; bookingId: string; freshKey: string; now?: Date }
  | { type: 'answered'; outcome: PayOutcome }
  | { type: 'lost'; cause: UnknownCause };

export const initialCheckoutState: CheckoutState = { draft: emptyCard, status: { kind: 'editing', errors: {} }, pending: null };

export const isPaying = (state: CheckoutState) => state.status.kind === 'paying';

const formatters: Record<keyof CardDraft, (text: string) => string> = { number: formatCardNumber, expiry: formatExpiry, cvc: (text) => text.replace(/\D/g, '').slice(0, 4) };

export function checkoutReducer(state: CheckoutState, action: CheckoutAction): CheckoutState {
  switch (action.type) {
    case 'fieldChanged': {
      if (isPaying(state)) return state;
      const errors = state.status.kind === 'editing' ? state.status.errors : {};
      return {
        ...state,
        draft: { ...state.draft, [action.field]: formatters[action.field](action.value) },
        status: { kind: 'editing', errors: { ...errors, [action.field]: undefined } },
      };
    }
    case 'testCardChosen':
      if (isPaying(state)) return state;
      return { ...state, draft: { number: formatCardNumber(action.number), expiry: action.expiry, cvc: '123' }, status: { kind: 'editing', errors: {} } };
    case 'submitted': {
      if (isPaying(state)) return state;
      const parsed = parseCard(state.draft, action.now);
      if ('errors' in parsed) return { ...state, status: { kind: 'editing', errors: parsed.errors } };
      const signature = cardSignature(action.bookingId, parsed.card);
      const key = state.pending?.signature === signature ? state.pending.key : action.freshKey;
      return { ...state, status: { kind: 'paying', card: parsed.card, key }, pending: { key, signature } };
    }
    case 'lost':
      if (state.status.kind !== 'paying') return state;
      return { ...state, status: { ...state.status, kind: 'unknownOutcome', cause: action.cause } };
    case 'answered': {
      if (state.status.kind !== 'paying') return state;
      // The server answered: the next payment is a new attempt, even with the same card.
      if (action.outcome.kind === 'accepted') return { ...state, status: { kind: 'accepted' }, pending: null };
      return { ...state, status: { kind: 'editing', errors: {}, notice: action.outcome.notice }, pending: null };
    }
  }
}

export type PayResult =
  | { __typename: 'PayForBookingSuccess' }
  | { __typename: 'PaymentDeclinedError'; declineCode: string }
  | { __typename: 'PaidTooLateError'; refundedCents: number }
  | { __typename: 'BookingNotPayableError'; reason: string }
  | { __typename: 'ValidationError'; field?: string | null }
  | { __typename: 'IdempotencyKeyReusedError' }
  | { __typename: 'NotFoundError' };

/** What the checkout shows for each typed answer of payForBooking. */
export function describePayResult(result: PayResult, currency: string): PayOutcome {
  const notice = (n: PaymentNotice): PayOutcome => ({ kind: 'notice', notice: n });
  switch (result.__typename) {
    case 'PayForBookingSuccess':
      return { kind: 'accepted' };
    case 'PaymentDeclinedError':
      return notice({ kind: 'declined', declineCode: result.declineCode });
    case 'PaidTooLateError':
      return notice({ kind: 'paidTooLate', refundedCents: result.refundedCents, currency });
    case 'BookingNotPayableError':
      return notice({ kind: 'notPayable', reason: result.reason });
    case 'ValidationError':
      return notice({ kind: 'invalid', field: result.field ?? null });
    // The key is fresh per attempt, so a reused key means this page's state is out of step.
    case 'IdempotencyKeyReusedError':
    case 'NotFoundError':
      return notice({ kind: 'outdated' });
  }
}

/** A request that got no typed answer: only codes proving the operation never ran are a rejection. */
export function describePayFailure(error: unknown): { kind: 'notice'; notice: PaymentNotice } | { kind: 'unknown'; cause: UnknownCause } {
  const failure = describeFailure(error);
  return failure.kind === 'rejected' ? { kind: 'notice', notice: { kind: 'outdated' } } : failure;
}
