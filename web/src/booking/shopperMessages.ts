import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { MAX_QUANTITY_PER_TIER, MIN_QUANTITY_PER_TIER } from '../../../shared/booking-limits';
import type { OrderLine } from './bookingAttempt';

// Every sentence a shopper reads about a booking that did not go through.
// The server's messages and codes are written for developers ("idempotency
// key", "items[1].quantity"); they are mapped here and never shown as-is.

export interface FormErrors {
  form?: string;
  customerEmail?: string;
  tiers: Record<string, string>;
}

/** Why an order was refused: checked in the browser (incomplete) or answered by the server. */
export type RejectionReason = 'incomplete' | 'invalid' | 'soldOut' | 'overLimit' | 'notOnSale' | 'notFound' | 'keyReused' | 'outdated' | 'admission';

/** Why we cannot tell whether the booking happened; a retry with the same key settles it. */
export type UnknownCause = 'network' | 'server' | 'busy';

export type BookResult =
  | { __typename: 'HoldTicketsSuccess'; replayed: boolean; booking: { id: string; accessToken: string } }
  | { __typename: 'SoldOutError'; tierId: string; available: number; tier: { name: string } }
  | { __typename: 'TicketLimitExceededError'; limit: number; alreadyHeld: number }
  | { __typename: 'NotOnSaleError'; reason: 'NOT_YET_ON_SALE' | 'PAUSED' | 'ENDED' | 'CANCELLED'; opensAt?: string | null }
  | { __typename: 'ValidationError'; field?: string | null }
  | { __typename: 'IdempotencyKeyReusedError' }
  | { __typename: 'NotFoundError' };

export type Outcome =
  | { kind: 'booked'; bookingId: string; accessToken: string; replayed: boolean }
  | { kind: 'rejected'; reason: RejectionReason; errors: FormErrors };

const tickets = (n: number) => (n === 1 ? 'ticket' : 'tickets');

/** The start of every sentence about a request whose outcome we do not know. */
export function couldNotTell(cause: UnknownCause): string {
  if (cause === 'network') return 'We could not reach the box office';
  if (cause === 'busy') return 'The box office is very busy right now';
  return 'Something went wrong at the box office';
}

export const words = {
  noTickets: 'Choose at least one ticket.',
  email: 'Enter the email address your tickets should go to.',
  quantity: (tier: string) => `Choose between ${MIN_QUANTITY_PER_TIER} and ${MAX_QUANTITY_PER_TIER} ${tier} tickets.`,
  tierGone: (tier: string) => `${tier} tickets are no longer on sale. Reload the page to see what is.`,
  notFound: 'This concert or one of its tiers is no longer on sale. Reload the page to see what is.',
  keyReused:
    'That booking attempt was already used for a different order, so nothing was booked. Check your order and book again.',
  outdated: 'This page is out of date, so nothing was booked. Reload the page and book again.',
  general: 'We could not take this order, so nothing was booked. Check your order and book again.',
  soldOut: (tier: string, available: number) =>
    available <= 0
      ? `${tier} is sold out. Nothing was booked.`
      : `Only ${available} ${tier} ${tickets(available)} left. Nothing was booked: choose ${available} or fewer.`,
  overLimit: (limit: number, alreadyHeld: number) =>
    alreadyHeld <= 0
      ? `One person can have at most ${limit} ${tickets(limit)} for this concert. Nothing was booked: choose ${limit} or fewer.`
      : `One person can have at most ${limit} ${tickets(limit)} for this concert, and this email address already has ${alreadyHeld}. Nothing was booked${
          alreadyHeld < limit ? `: choose ${limit - alreadyHeld} or fewer.` : '.'
        }`,
  notOnSale: {
    NOT_YET_ON_SALE: 'Tickets for this concert are not on sale yet. Nothing was booked.',
    PAUSED: 'Ticket sales for this concert are paused for now. Nothing was booked: try again a little later.',
    ENDED: 'This concert has started, so tickets are no longer sold. Nothing was booked.',
    CANCELLED: 'This concert is cancelled, so tickets are no longer sold. Nothing was booked; bookings already made are refunded.',
  },
  overtaken: (tier: string, available: number) =>
    available <= 0 ? `${tier} just sold out.` : `Only ${available} ${tier} ${tickets(available)} left: choose fewer.`,
  unknownOutcome: (cause: UnknownCause) =>
    `${couldNotTell(cause)}, so we don’t know yet whether your booking went through. Trying again is safe: you will not be booked twice.`,
};

/** What the form shows for each typed answer of holdTickets. */
export function describeOutcome(result: BookResult, sent: OrderLine[], tierName: (tierId: string) => string | undefined): Outcome {
  switch (result.__typename) {
    case 'HoldTicketsSuccess':
      return { kind: 'booked', bookingId: result.booking.id, accessToken: result.booking.accessToken, replayed: result.replayed };
    case 'SoldOutError':
      return rejected('soldOut', { form: words.soldOut(result.tier.name, result.available), tiers: {} });
    case 'TicketLimitExceededError':
      return rejected('overLimit', { form: words.overLimit(result.limit, result.alreadyHeld), tiers: {} });
    case 'NotOnSaleError':
      return rejected('notOnSale', { form: words.notOnSale[result.reason], tiers: {} });
    case 'ValidationError':
      return rejected('invalid', validationErrors(result.field ?? null, sent, tierName));
    case 'NotFoundError':
      return rejected('notFound', { form: words.notFound, tiers: {} });
    case 'IdempotencyKeyReusedError':
      return rejected('keyReused', { form: words.keyReused, tiers: {} });
  }
}

const rejected = (reason: RejectionReason, errors: FormErrors): Outcome => ({ kind: 'rejected', reason, errors });

// The server names the offending input ("customerEmail", "items[1].quantity");
// map it back to the field the shopper can fix, in our own words.
function validationErrors(field: string | null, sent: OrderLine[], tierName: (tierId: string) => string | undefined): FormErrors {
  if (field === 'customerEmail') return { customerEmail: words.email, tiers: {} };
  const item = field ? /^items\[(\d+)\](?:\.(\w+))?/.exec(field) : null;
  const line = item ? sent[Number(item[1])] : undefined;
  if (line && item) {
    const name = tierName(line.tierId) ?? 'these';
    return { tiers: { [line.tierId]: item[2] === 'quantity' ? words.quantity(name) : words.tierGone(name) } };
  }
  if (field === 'items') return { form: words.noTickets, tiers: {} };
  return { form: words.general, tiers: {} };
}

const OUTDATED_CODES = ['PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_ONLY', 'QUERY_LIMIT_EXCEEDED', 'GRAPHQL_VALIDATION_FAILED'];
const BUSY_CODES = ['SERVICE_UNAVAILABLE', 'SHUTTING_DOWN'];

/**
 * A request that got no typed answer. Codes that prove the operation never ran (the page's
 * operations are unknown to this server) are a rejection; everything else may have booked.
 */
export function describeFailure(error: unknown): { kind: 'rejected'; reason: 'outdated'; errors: FormErrors } | { kind: 'unknown'; cause: UnknownCause } {
  if (!CombinedGraphQLErrors.is(error)) return { kind: 'unknown', cause: 'network' };
  const codes = error.errors.map((e) => String(e.extensions?.code ?? ''));
  if (codes.some((code) => OUTDATED_CODES.includes(code))) {
    return { kind: 'rejected', reason: 'outdated', errors: { form: words.outdated, tiers: {} } };
  }
  return { kind: 'unknown', cause: codes.some((code) => BUSY_CODES.includes(code)) ? 'busy' : 'server' };
}
