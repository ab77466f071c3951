import { describe, expect, it } from 'vitest';
import type { BookingRequest } from './booking-request.ts';
import { requestFingerprint } from './fingerprint.ts';

const request: BookingRequest = {
  concertId: 'c1',
  items: [
    { tierId: 'a', quantity: 1 },
    { tierId: 'b', quantity: 2 },
  ],
  customerEmail: 'Fan@Example.com',
  idempotencyKey: 'k1',
};

describe('requestFingerprint', () => {
  it('ignores item order, email case and the key itself', () => {
    const same = { ...request, items: [...request.items].reverse(), customerEmail: 'fan@example.com', idempotencyKey: 'k2' };
    expect(requestFingerprint(same)).toBe(requestFingerprint(request));
  });

  it.each([
    ['a quantity', { items: [{ tierId: 'a', quantity: 2 }, { tierId: 'b', quantity: 2 }] }],
    ['a tier', { items: [{ tierId: 'a', quantity: 1 }, { tierId: 'c', quantity: 2 }] }],
    ['the concert', { concertId: 'c2' }],
    ['the email', { customerEmail: 'other@example.com' }],
  ])('changes with %s', (_what, change) => {
    expect(requestFingerprint({ ...request, ...change })).not.toBe(requestFingerprint(request));
  });
});
