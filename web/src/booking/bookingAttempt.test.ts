import { describe, expect, it } from 'vitest';
import { orderSignature, type Order } from './bookingAttempt';

const order: Order = {
  concertId: 'C1',
  customerEmail: 'fan@example.com',
  items: [
    { tierId: 'T2', quantity: 2 },
    { tierId: 'T1', quantity: 1 },
  ],
};

describe('orderSignature', () => {
  it('ignores line order, empty lines and surrounding whitespace in the email', () => {
    const same: Order = {
      concertId: 'C1',
      customerEmail: ' fan@example.com ',
      items: [
        { tierId: 'T1', quantity: 1 },
        { tierId: 'T3', quantity: 0 },
        { tierId: 'T2', quantity: 2 },
      ],
    };
    expect(orderSignature(same)).toBe(orderSignature(order));
  });

  it('differs when a quantity or the email changes', () => {
    expect(orderSignature({ ...order, items: [{ tierId: 'T1', quantity: 3 }] })).not.toBe(orderSignature(order));
    expect(orderSignature({ ...order, customerEmail: 'b@x.io' })).not.toBe(orderSignature(order));
  });
});
