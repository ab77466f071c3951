// A card as the shopper types it, and the card the server is sent. Checked here for the mistakes a
// shopper can fix before paying (a mistyped digit fails the Luhn check, an expiry in the past); the
// processor still decides whether the card is good.

export interface CardDraft {
  number: string;
  /** MM/YY as typed, e.g. "12/29" or "12 / 2029". */
  expiry: string;
  cvc: string;
}

export interface Card {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
}

export type CardErrors = Partial<Record<keyof CardDraft, string>>;

export const emptyCard: CardDraft = { number: '', expiry: '', cvc: '' };

export const digitsOf = (text: string) => text.replace(/\D/g, '');

/** "4242424242424242" → "4242 4242 4242 4242", as the shopper types. */
export function formatCardNumber(text: string): string {
  return digitsOf(text).slice(0, 19).replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** "1229" → "12/29": the slash appears once the month is complete. */
export function formatExpiry(text: string): string {
  const digits = digitsOf(text).slice(0, 6);
  return digits.length > 2 ? `${digits.slice(0, 2)}/${digits.slice(2)}` : digits;
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

export const cardWords = {
  number: 'Enter the 16-digit number on the front of your card.',
  numberMistyped: 'This card number has a typo: check each digit.',
  expiry: 'Enter the expiry date as MM/YY.',
  expired: 'This card has expired.',
  cvc: 'Enter the 3 or 4 digit security code from the back of your card.',
};

export function parseCard(draft: CardDraft, now = new Date()): { card: Card } | { errors: CardErrors } {
  const errors: CardErrors = {};
  const number = digitsOf(draft.number);
  if (number.length < 12 || number.length > 19) errors.number = cardWords.number;
  else if (!passesLuhn(number)) errors.number = cardWords.numberMistyped;

  const expiry = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(draft.expiry);
  const [, month = '', year = ''] = expiry ?? [];
  const expMonth = Number(month);
  const expYear = year.length === 2 ? 2000 + Number(year) : Number(year);
  if (!expiry || expMonth < 1 || expMonth > 12) errors.expiry = cardWords.expiry;
  // A card is good until the end of its expiry month.
  else if (expYear * 12 + expMonth < now.getFullYear() * 12 + now.getMonth() + 1) errors.expiry = cardWords.expired;

  const cvc = draft.cvc.trim();
  if (!/^\d{3,4}$/.test(cvc)) errors.cvc = cardWords.cvc;

  if (Object.keys(errors).length > 0) return { errors };
  return { card: { number, expMonth, expYear, cvc } };
}

/** The same card typed again is the same payment attempt (see checkoutState.ts). */
export const cardSignature = (bookingId: string, card: Card) => JSON.stringify([bookingId, card.number, card.expMonth, card.expYear, card.cvc]);
