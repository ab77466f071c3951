// A tier as the organizer types it, and the server's rules for one (server/src/catalogue/concert-input.ts),
// checked here first so most mistakes are shown before anything is sent.

export interface TierDraft {
  name: string;
  /** Dollars and cents as typed: "49.50". */
  price: string;
  capacity: string;
}

export interface TierInput {
  name: string;
  priceCents: number;
  capacity: number;
}

export type TierErrors = Partial<Record<keyof TierDraft, string>>;

export const MAX_PRICE_CENTS = 10_000_000;
export const MAX_CAPACITY = 1_000_000;
export const emptyTier: TierDraft = { name: '', price: '', capacity: '' };

/** Whole cents from "49.5" or "49.50"; null for anything else (no floats on the way). */
export function priceCentsOf(text: string): number | null {
  const match = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

export function priceText(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** A whole number in range as typed, or a sentence saying why not. */
export function wholeNumber(text: string, what: string, min: number, max: number): number | string {
  if (!/^\s*-?\d+\s*$/.test(text)) return `${what} must be a whole number`;
  const value = Number(text);
  if (value < min) return `${what} must be at least ${min}`;
  if (value > max) return `${what} must be at most ${max}`;
  return value;
}

export function validateTier(draft: TierDraft): { input: TierInput } | { errors: TierErrors } {
  const errors: TierErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = 'Tier name must not be empty';
  else if (name.length > 100) errors.name = 'Tier name must be at most 100 characters';
  const priceCents = priceCentsOf(draft.price);
  if (priceCents === null) errors.price = 'Price must be an amount such as 49.50';
  else if (priceCents > MAX_PRICE_CENTS) errors.price = `Price must be at most ${priceText(MAX_PRICE_CENTS)}`;
  const capacity = wholeNumber(draft.capacity, 'Capacity', 0, MAX_CAPACITY);
  if (typeof capacity === 'string') errors.capacity = capacity;
  if (Object.keys(errors).length > 0) return { errors };
  return { input: { name, priceCents: priceCents!, capacity: capacity as number } };
}

/** The draft field a server ValidationError names ("priceCents", "input.capacity", "tiers[1].name"). */
export function tierFieldOf(serverField: string | null | undefined): keyof TierDraft | null {
  const last = serverField?.split('.').at(-1);
  if (last === 'priceCents') return 'price';
  if (last === 'name' || last === 'capacity') return last;
  return null;
}
