import { isValidEmail } from '../../../shared/booking-limits';
import { orderSignature, type Order } from './bookingAttempt';
import { words, type FormErrors, type Outcome, type RejectionReason, type UnknownCause } from './shopperMessages';

// The booking form as a state machine. What the shopper has chosen (draft) is
// kept apart from where the order stands (status); the pending attempt's
// idempotency key survives an unknown outcome so the retry cannot book twice.

export interface Draft {
  quantities: Record<string, number>;
  email: string;
}

export type BookingStatus =
  | { kind: 'editing'; errors: FormErrors }
  | { kind: 'submitting'; order: Order; key: string }
  | { kind: 'unknownOutcome'; order: Order; key: string; cause: UnknownCause }
  | { kind: 'rejected'; reason: RejectionReason; errors: FormErrors }
  | { kind: 'booked'; bookingId: string; accessToken: string; replayed: boolean };

export interface BookingState {
  draft: Draft;
  status: BookingStatus;
  /** The attempt whose outcome we do not know yet; cleared once the server answers. */
  pending: { key: string; signature: string } | null;
}

export type BookingAction =
  | { type: 'quantityChanged'; tierId: string; quantity: number }
  | { type: 'emailChanged'; email: string }
  /** tierIds in display order (the order lines are sent in); freshKey is used only for a new attempt. */
  | { type: 'submitted'; concertId: string; tierIds: string[]; freshKey: string }
  | { type: 'answered'; outcome: Outcome }
  | { type: 'lost'; cause: UnknownCause };

export const NO_ERRORS: FormErrors = { tiers: {} };

export const initialBookingState: BookingState = {
  draft: { quantities: {}, email: '' },
  status: { kind: 'editing', errors: NO_ERRORS },
  pending: null,
};

export function errorsOf(status: BookingStatus): FormErrors {
  return status.kind === 'editing' || status.kind === 'rejected' ? status.errors : NO_ERRORS;
}

export const isBusy = (state: BookingState) => state.status.kind === 'submitting';

export function orderOf(draft: Draft, concertId: string, tierIds: string[]): Order {
  return {
    concertId,
    customerEmail: draft.email.trim(),
    items: tierIds
      .map((tierId) => ({ tierId, quantity: draft.quantities[tierId] ?? 0 }))
      .filter((line) => line.quantity > 0),
  };
}

export function bookingReducer(state: BookingState, action: BookingAction): BookingState {
  switch (action.type) {
    case 'quantityChanged': {
      if (isBusy(state)) return state;
      const errors = errorsOf(state.status);
      return {
        ...state,
        draft: { ...state.draft, quantities: { ...state.draft.quantities, [action.tierId]: action.quantity } },
        status: { kind: 'editing', errors: { ...errors, form: undefined, tiers: { ...errors.tiers, [action.tierId]: '' } } },
      };
    }
    case 'emailChanged': {
      if (isBusy(state)) return state;
      const errors = errorsOf(state.status);
      return {
        ...state,
        draft: { ...state.draft, email: action.email },
        status: { kind: 'editing', errors: { ...errors, customerEmail: undefined, form: undefined } },
      };
    }
    case 'submitted': {
      if (isBusy(state) || state.status.kind === 'booked') return state;
      const order = orderOf(state.draft, action.concertId, action.tierIds);
      if (order.items.length === 0) return rejectLocally(state, { form: words.noTickets, tiers: {} });
      if (!isValidEmail(order.customerEmail)) return rejectLocally(state, { customerEmail: words.email, tiers: {} });
      const signature = orderSignature(order);
      const key = state.pending?.signature === signature ? state.pending.key : action.freshKey;
      return { ...state, status: { kind: 'submitting', order, key }, pending: { key, signature } };
    }
    case 'lost':
      if (state.status.kind !== 'submitting') return state;
      return { ...state, status: { ...state.status, kind: 'unknownOutcome', cause: action.cause } };
    case 'answered': {
      if (state.status.kind !== 'submitting') return state;
      const { outcome } = action;
      const status: BookingStatus =
        outcome.kind === 'booked'
          ? { kind: 'booked', bookingId: outcome.bookingId, accessToken: outcome.accessToken, replayed: outcome.replayed }
          : { kind: 'rejected', reason: outcome.reason, errors: outcome.errors };
      // The server answered: the next submit is a new attempt even if the order looks the same.
      return { ...state, status, pending: null };
    }
  }
}

function rejectLocally(state: BookingState, errors: FormErrors): BookingState {
  return { ...state, status: { kind: 'rejected', reason: 'incomplete', errors } };
}
