import { describe, expect, it } from 'vitest';
import { validateCard } from './card.ts';

const now = new Date('2026-12-01T00:00:00Z');
const card = (expMonth: number, expYear: number) => ({ number: '4242 4242 4242 4242', expMonth, expYear, cvc: '123' });
const refusal = (expMonth: number, expYear: number) => {
  try {
    validateCard(card(expMonth, expYear), now);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
};

describe('validateCard', () => {
  it('takes a card valid to the end of its expiry month, with two- or four-digit years', () => {
    expect(validateCard(card(12, 2026), now)).toMatchObject({ number: '4242424242424242', expYear: 2026 });
    expect(validateCard(card(1, 34), now)).toMatchObject({ expYear: 2034 });
  });

  it('says a card has expired only when it has; a year no card carries is not valid', () => {
    expect(refusal(11, 2026)).toBe('The card has expired');
    expect(refusal(12, 2025)).toBe('The card has expired');
    expect(refusal(12, 2_147_483_647)).toBe('The expiry year is not valid');
    expect(refusal(12, 2057)).toBe('The expiry year is not valid');
    expect(refusal(12, 1999)).toBe('The expiry year is not valid');
    expect(refusal(12, 2030.5)).toBe('The expiry year is not valid');
  });
});
