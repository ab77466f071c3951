import { createHash } from 'node:crypto';
import { ValidationError } from '../booking/errors.ts';
import type { Card } from './payment-provider.ts';

/** Luhn's checksum, which every card number carries: catches a mistyped digit before any charge. */
function passesLuhn(digits: string) {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Checks a card as typed (spaces and dashes allowed in the number) and returns it normalised. */
export function validateCard(card: Card, now = new Date()): Card {
  const number = card.number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(number) || !passesLuhn(number)) throw new ValidationError('The card number is not valid', 'card.number');
  if (!Number.isInteger(card.expMonth) || card.expMonth < 1 || card.expMonth > 12) throw new ValidationError('The expiry month must be 1–12', 'card.expMonth');
  const year = card.expYear < 100 ? 2000 + card.expYear : card.expYear;
  if (!Number.isInteger(year) || year < 2000 || year > now.getUTCFullYear() + 30) throw new ValidationError('The expiry year is not valid', 'card.expYear');
  const expired = year < now.getUTCFullYear() || (year === now.getUTCFullYear() && card.expMonth < now.getUTCMonth() + 1);
  if (expired) throw new ValidationError('The card has expired', 'card.expYear');
  if (!/^\d{3,4}$/.test(card.cvc)) throw new ValidationError('The security code must be 3 or 4 digits', 'card.cvc');
  return { number, expMonth: card.expMonth, expYear: year, cvc: card.cvc };
}

/** Tells a retry of the same attempt from the same key reused with another card; never stores the number. */
export function cardFingerprint(bookingId: string, card: Card): string {
  return createHash('sha256').update(JSON.stringify([bookingId, card.number, card.expMonth, card.expYear])).digest('hex');
}
