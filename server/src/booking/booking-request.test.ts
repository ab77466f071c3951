import { describe, expect, it } from 'vitest';
import { validateBookingRequest, type BookingRequest } from './booking-request.ts';
import { ValidationError } from './errors.ts';

const valid: BookingRequest = {
  concertId: 'c1',
  items: [
    { tierId: 't1', quantity: 1 },
    { tierId: 't2', quantity: 10 },
  ],
  customerEmail: '  fan@example.com ',
  idempotencyKey: 'k',
};

function failure(change: Partial<BookingRequest>) {
  try {
    validateBookingRequest({ ...valid, ...change });
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return { field: (error as ValidationError).field, message: (error as ValidationError).message };
  }
  throw new Error('expected a ValidationError');
}

describe('validateBookingRequest', () => {
  it('accepts a valid request and trims the email', () => {
    expect(validateBookingRequest(valid)).toEqual({ ...valid, customerEmail: 'fan@example.com' });
  });

  it.each([
    [{ items: [] }, 'items', 'Choose at least one ticket'],
    [{ items: [{ tierId: 't1', quantity: 0 }] }, 'items[0].quantity', 'Quantity must be at least 1'],
    [{ items: [{ tierId: 't1', quantity: 1.5 }] }, 'items[0].quantity', 'Quantity must be a whole number'],
    [{ items: [{ tierId: 't1', quantity: 2 }, { tierId: 't2', quantity: 11 }] }, 'items[1].quantity', 'At most 10 tickets per tier per order'],
    [{ items: [{ tierId: 't1', quantity: 1 }, { tierId: 't1', quantity: 1 }] }, 'items[1].tierId', 'Each tier may appear only once per order'],
    [{ items: Array.from({ length: 21 }, (_, i) => ({ tierId: `t${i}`, quantity: 1 })) }, 'items', 'At most 20 items per order'],
    [{ customerEmail: 'fan@' }, 'customerEmail', 'Enter a valid email address'],
    [{ customerEmail: `${'a'.repeat(250)}@example.com` }, 'customerEmail', 'Email address is too long'],
    [{ idempotencyKey: '' }, 'idempotencyKey', 'Idempotency key must not be empty'],
    [{ idempotencyKey: 'k'.repeat(256) }, 'idempotencyKey', 'Idempotency key must be at most 255 characters'],
  ])('refuses %j', (change, field, message) => {
    expect(failure(change as Partial<BookingRequest>)).toEqual({ field, message });
  });

  it('accepts a key of exactly 255 characters', () => {
    expect(validateBookingRequest({ ...valid, idempotencyKey: 'k'.repeat(255) }).idempotencyKey).toHaveLength(255);
  });
});
