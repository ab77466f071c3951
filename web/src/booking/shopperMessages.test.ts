import { describe, expect, it } from 'vitest';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describeFailure, describeOutcome, words, type BookResult, type FormErrors } from './shopperMessages';

const sent = [
  { tierId: 'VIP', quantity: 2 },
  { tierId: 'GA', quantity: 12 },
];
const names: Record<string, string> = { VIP: 'VIP', GA: 'General Admission' };
const tierName = (id: string) => names[id];
const texts = (errors: FormErrors) => [errors.form, errors.customerEmail, ...Object.values(errors.tiers)].filter(Boolean) as string[];
const graphqlError = (code: string) => new CombinedGraphQLErrors({ errors: [{ message: `internal ${code}`, extensions: { code } }] });

// Developer words a shopper must never read.
const JARGON = /idempotency|key|items\[|graphql|persisted|retry with|tierId|null|undefined|\[object/i;

describe('describeOutcome', () => {
  const rejections: BookResult[] = [
    { __typename: 'SoldOutError', tierId: 'VIP', available: 0, tier: { name: 'VIP' } },
    { __typename: 'SoldOutError', tierId: 'VIP', available: 1, tier: { name: 'VIP' } },
    { __typename: 'TicketLimitExceededError', limit: 8, alreadyHeld: 0 },
    { __typename: 'TicketLimitExceededError', limit: 8, alreadyHeld: 6 },
    { __typename: 'TicketLimitExceededError', limit: 8, alreadyHeld: 8 },
    { __typename: 'NotOnSaleError', reason: 'NOT_YET_ON_SALE', opensAt: '2030-01-01T10:00:00.000Z' },
    { __typename: 'NotOnSaleError', reason: 'PAUSED', opensAt: null },
    { __typename: 'NotOnSaleError', reason: 'ENDED', opensAt: null },
    { __typename: 'ValidationError', field: 'customerEmail' },
    { __typename: 'ValidationError', field: 'items[1].quantity' },
    { __typename: 'ValidationError', field: 'items[0].tierId' },
    { __typename: 'ValidationError', field: 'items' },
    { __typename: 'ValidationError', field: 'idempotencyKey' },
    { __typename: 'ValidationError', field: null },
    { __typename: 'IdempotencyKeyReusedError' },
    { __typename: 'NotFoundError' },
  ];

  it.each(rejections)('words $__typename ($field) for a shopper', (result) => {
    const outcome = describeOutcome(result, sent, tierName);
    expect(outcome.kind).toBe('rejected');
    if (outcome.kind !== 'rejected') return;
    expect(texts(outcome.errors).length).toBeGreaterThan(0);
    for (const text of texts(outcome.errors)) expect(text).not.toMatch(/idempotency|items\[|tierId|null|undefined/i);
  });

  it('puts a quantity problem next to the tier the server named', () => {
    const outcome = describeOutcome({ __typename: 'ValidationError', field: 'items[1].quantity' }, sent, tierName);
    expect(outcome).toEqual({ kind: 'rejected', reason: 'invalid', errors: { tiers: { GA: 'Choose between 1 and 10 General Admission tickets.' } } });
  });

  it('says what is left of a sold-out tier', () => {
    const outcome = describeOutcome({ __typename: 'SoldOutError', tierId: 'VIP', available: 1, tier: { name: 'VIP' } }, sent, tierName);
    expect(outcome.kind === 'rejected' && outcome.errors.form).toBe('Only 1 VIP ticket left. Nothing was booked: choose 1 or fewer.');
  });

  it('passes a booking through', () => {
    const result: BookResult = { __typename: 'HoldTicketsSuccess', replayed: true, booking: { id: 'B1', accessToken: 'T1' } };
    expect(describeOutcome(result, sent, tierName)).toEqual({ kind: 'booked', bookingId: 'B1', accessToken: 'T1', replayed: true });
  });
});

describe('describeFailure', () => {
  it('treats a lost response as unknown: the booking may have happened', () => {
    expect(describeFailure(new TypeError('Failed to fetch'))).toEqual({ kind: 'unknown', cause: 'network' });
    expect(describeFailure(graphqlError('INTERNAL_SERVER_ERROR'))).toEqual({ kind: 'unknown', cause: 'server' });
    expect(describeFailure(graphqlError('SERVICE_UNAVAILABLE'))).toEqual({ kind: 'unknown', cause: 'busy' });
  });

  it('treats an operation the server does not know as an out-of-date page', () => {
    for (const code of ['PERSISTED_QUERY_NOT_FOUND', 'QUERY_LIMIT_EXCEEDED']) {
      expect(describeFailure(graphqlError(code))).toEqual({ kind: 'rejected', reason: 'outdated', errors: { form: words.outdated, tiers: {} } });
    }
  });
});

describe('words', () => {
  it('never uses developer phrasing', () => {
    const all = [
      words.noTickets,
      words.email,
      words.quantity('GA'),
      words.tierGone('GA'),
      words.notFound,
      words.keyReused,
      words.outdated,
      words.general,
      words.soldOut('GA', 0),
      words.soldOut('GA', 2),
      words.overtaken('GA', 0),
      words.overtaken('GA', 2),
      ...(['network', 'server', 'busy'] as const).map(words.unknownOutcome),
    ];
    for (const text of all) expect(text).not.toMatch(JARGON);
  });
});
