import { z } from 'zod';
import { validationErrorOf } from '../booking/booking-request.ts';
import { ValidationError } from '../booking/errors.ts';

// The rules of what an organizer may enter for a concert and its tiers. Broken rules are
// ValidationErrors naming the input field, e.g. `tiers[1].capacity`.

export const MAX_TIERS_PER_CONCERT = 20;
export const MAX_HOLD_MINUTES = 60;
export const MAX_TICKETS_PER_CUSTOMER = 100;
const MAX_PRICE_CENTS = 10_000_000;
const MAX_CAPACITY = 1_000_000;

const text = (what: string, max: number) =>
  z.string().trim().min(1, `${what} must not be empty`).max(max, `${what} must be at most ${max} characters`);

/** An IANA zone name Node knows (America/New_York, UTC): never an offset, which has no daylight saving. */
const timeZone = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/, 'Time zone must be an IANA name such as Europe/Paris')
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'Unknown time zone: use an IANA name such as Europe/Paris');

const count = (what: string, min: number, max: number) =>
  z.number().int(`${what} must be a whole number`).min(min, `${what} must be at least ${min}`).max(max, `${what} must be at most ${max}`);

export const tierInput = z.object({
  name: text('Tier name', 100),
  priceCents: count('Price', 0, MAX_PRICE_CENTS),
  capacity: count('Capacity', 0, MAX_CAPACITY),
});

export const tierChange = tierInput.partial();

/** The fields createConcert and updateConcert share; all optional here, createConcert requires some. */
const concertFields = z.object({
  name: text('Name', 200).optional(),
  venue: text('Venue', 200).optional(),
  timeZone: timeZone.optional(),
  startsAt: z.date().optional(),
  /** null: on sale as soon as published. */
  onSaleAt: z.date().nullable().optional(),
  holdMinutes: count('Hold time', 1, MAX_HOLD_MINUTES).optional(),
  /** null: no limit of this concert's own. */
  maxTicketsPerOrder: count('Tickets per order', 1, MAX_TICKETS_PER_CUSTOMER).nullable().optional(),
  maxTicketsPerCustomer: count('Tickets per customer', 1, MAX_TICKETS_PER_CUSTOMER).optional(),
});

export const concertInput = concertFields.required({ name: true, venue: true, timeZone: true, startsAt: true }).extend({
  tiers: z.array(tierInput).min(1, 'A concert needs at least one tier').max(MAX_TIERS_PER_CONCERT, `At most ${MAX_TIERS_PER_CONCERT} tiers per concert`),
});

export const concertChange = concertFields;

export type ConcertInput = z.infer<typeof concertInput>;
export type ConcertChange = z.infer<typeof concertChange>;

/** The value as the schema reads it, or the first broken rule as a ValidationError. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationErrorOf(result.error);
  return result.data;
}

/**
 * Rules across fields, checked on the concert as it would be after the change: sales open before
 * the concert starts, and a concert that has not started may not be moved into the past.
 */
export function checkSchedule(concert: { startsAt: Date; onSaleAt: Date | null }, startsAtChanged: boolean, now = Date.now()) {
  if (startsAtChanged && concert.startsAt.getTime() <= now) throw new ValidationError('The concert must start in the future', 'startsAt');
  if (concert.onSaleAt && concert.onSaleAt.getTime() >= concert.startsAt.getTime()) {
    throw new ValidationError('Sales must open before the concert starts', 'onSaleAt');
  }
}

