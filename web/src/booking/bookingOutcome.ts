import type { OrderLine } from './bookingAttempt';

// What the form shows for each typed answer of bookTickets. Kept apart from
// the component so every branch of the union has one obvious home.

type Result =
  | { __typename: 'BookTicketsSuccess'; replayed: boolean; booking: { id: string } }
  | { __typename: 'SoldOutError'; message: string; tierId: string; requested: number; available: number }
  | { __typename: 'ValidationError'; message: string; field?: string | null }
  | { __typename: 'IdempotencyKeyReusedError'; message: string }
  | { __typename: 'NotFoundError'; message: string; id: string };

export interface FormErrors {
  form?: string;
  customerEmail?: string;
  tiers: Record<string, string>;
}

export type Outcome = { kind: 'booked'; bookingId: string; replayed: boolean } | { kind: 'rejected'; errors: FormErrors };

export function describeOutcome(
  result: Result,
  sentItems: OrderLine[],
  tierName: (tierId: string) => string | undefined,
): Outcome {
  switch (result.__typename) {
    case 'BookTicketsSuccess':
      return { kind: 'booked', bookingId: result.booking.id, replayed: result.replayed };
    case 'SoldOutError': {
      const name = tierName(result.tierId) ?? 'these';
      const text =
        result.available <= 0
          ? `${name} is sold out. Nothing was booked.`
          : `Only ${result.available} ${name} ${result.available === 1 ? 'ticket' : 'tickets'} left. Nothing was booked: choose ${result.available} or fewer.`;
      return { kind: 'rejected', errors: { form: text, tiers: {} } };
    }
    case 'ValidationError':
      return { kind: 'rejected', errors: validationErrors(result.message, result.field ?? null, sentItems) };
    case 'NotFoundError':
      return {
        kind: 'rejected',
        errors: { form: 'This concert or one of its tiers is no longer on sale. Reload the page to see what is.', tiers: {} },
      };
    case 'IdempotencyKeyReusedError':
      return {
        kind: 'rejected',
        errors: {
          form: 'That booking attempt was already used for a different order, so nothing was booked. Check your order and book again.',
          tiers: {},
        },
      };
  }
}

// The server names the offending input ("customerEmail", "items[1].quantity");
// map it back to the field the shopper can fix.
function validationErrors(message: string, field: string | null, sentItems: OrderLine[]): FormErrors {
  if (field === 'customerEmail') return { customerEmail: message, tiers: {} };
  const item = field ? /^items\[(\d+)\]/.exec(field) : null;
  const line = item ? sentItems[Number(item[1])] : undefined;
  if (line) return { tiers: { [line.tierId]: message } };
  return { form: message, tiers: {} };
}
