import { describe, expect, it } from 'vitest';
import { cardWords, formatCardNumber, formatExpiry, parseCard, passesLuhn } from './cardInput';

const now = new Date('2026-11-30T12:00:00Z');

describe('card input', () => {
  it('accepts a test card typed with spaces and a two-digit year', () => {
    expect(parseCard({ number: '4242 4242 4242 4242', expiry: '12/29', cvc: '123' }, now)).toEqual({
      card: { number: '4242424242424242', expMonth: 12, expYear: 2029, cvc: '123' },
    });
  });

  it('names each field a shopper must fix', () => {
    expect(parseCard({ number: '4242', expiry: '13/29', cvc: '12' }, now)).toEqual({
      errors: { number: cardWords.number, expiry: cardWords.expiry, cvc: cardWords.cvc },
    });
  });

  it('catches a mistyped digit with the Luhn check', () => {
    expect(passesLuhn('4242424242424242')).toBe(true);
    expect(passesLuhn('4242424242424243')).toBe(false);
    expect(parseCard({ number: '4242 4242 4242 4243', expiry: '12/29', cvc: '123' }, now)).toEqual({ errors: { number: cardWords.numberMistyped } });
  });

  it('takes a card until the end of its expiry month, not after', () => {
    expect('card' in parseCard({ number: '4242424242424242', expiry: '11/26', cvc: '123' }, now)).toBe(true);
    expect(parseCard({ number: '4242424242424242', expiry: '10/2026', cvc: '123' }, now)).toEqual({ errors: { expiry: cardWords.expired } });
  });

  it('formats as the shopper types', () => {
    expect(formatCardNumber('4000000000009995')).toBe('4000 0000 0000 9995');
    expect(formatCardNumber('4242 42a')).toBe('4242 42');
    expect(formatExpiry('1229')).toBe('12/29');
    expect(formatExpiry('1')).toBe('1');
  });
});
