import { z } from 'zod';
import {
  EMAIL_PATTERN,
  MAX_EMAIL_LENGTH,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  MAX_ITEMS_PER_ORDER as MAX_ITEMS,
  MAX_QUANTITY_PER_TIER,
  MIN_IDEMPOTENCY_KEY_LENGTH,
  MIN_QUANTITY_PER_TIER,
} from '../../../shared/booking-limits.ts';
import { isStorableText } from '../db/storable-text.ts';
import { ValidationError } from './errors.ts';


/**
 * Who asks, as the booking records it. Idempotency keys are the caller's own: `idempotencyScope`
 * (a partner key, a user, a guest) is written in front of the client's key, so two callers never
 * collide and none can probe another's keys.
 */
export interface BookingCaller {
  idempotencyScope: string;
  apiKeyId: string | null;
  userId: string | null;
}

/** The stored key: a scope never contains '/', so scope and client key cannot run into each other. */
export const scopedIdempotencyKey = (caller: BookingCaller, key: string) => `${caller.idempotencyScope}/${key}`;

/** What a client asks for, with ids already decoded to database ids. */
export interface BookingRequest {
  concertId: string;
  items: { tierId: string; quantity: number }[];
  customerEmail: string;
  idempotencyKey: string;
}

const bookingRequestSchema = z.object({
  concertId: z.string(),
  items: z
    .array(
      z.object({
        tierId: z.string(),
        quantity: z
          .number()
          .int('Quantity must be a whole number')
          .min(MIN_QUANTITY_PER_TIER, `Quantity must be at least ${MIN_QUANTITY_PER_TIER}`)
          .max(MAX_QUANTITY_PER_TIER, `At most ${MAX_QUANTITY_PER_TIER} tickets per tier per order`),
      }),
    )
    .min(1, 'Choose at least one ticket')
    .max(MAX_ITEMS, `At most ${MAX_ITEMS} items per order`)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, index) => {
        if (seen.has(item.tierId)) {
          ctx.addIssue({ code: 'custom', path: [index, 'tierId'], message: 'Each tier may appear only once per order' });
        }
        seen.add(item.tierId);
      });
    }),
  customerEmail: z
    .string()
    .trim()
    .max(MAX_EMAIL_LENGTH, 'Email address is too long')
    .pipe(z.email({ pattern: EMAIL_PATTERN, error: 'Enter a valid email address' })),
  idempotencyKey: z
    .string()
    .min(MIN_IDEMPOTENCY_KEY_LENGTH, 'Idempotency key must not be empty')
    .max(MAX_IDEMPOTENCY_KEY_LENGTH, `Idempotency key must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`)
    // NUL would fail the whole coalesced batch the key is written in; lone surrogates would turn two keys into one.
    .refine(isStorableText, 'Idempotency key must be valid Unicode without NUL characters'),
});

/** Throws the first rule broken as a ValidationError naming its input field, e.g. `items[1].quantity`. */
export function validateBookingRequest(input: BookingRequest): BookingRequest {
  const result = bookingRequestSchema.safeParse(input);
  if (result.success) return result.data;
  throw validationErrorOf(result.error);
}

/** The first issue zod found, as a ValidationError naming its input field. */
export function validationErrorOf(error: z.ZodError): ValidationError {
  const issue = error.issues[0];
  return new ValidationError(issue.message, fieldPath(issue.path));
}

function fieldPath(path: PropertyKey[]) {
  return path.reduce<string>(
    (field, part) => (typeof part === 'number' ? `${field}[${part}]` : field ? `${field}.${String(part)}` : String(part)),
    '',
  );
}
