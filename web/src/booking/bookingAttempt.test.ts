import { describe, expect, it } from 'vitest';
import { createAttemptTracker, orderSignature, type Order } from './bookingAttempt';

const order: Order = {
  concertId: 'C1',
  customerEmail: 'fan@example.com',
  items: [
    { tierId: 'T2', quantity: 2 },
    { tierId: 'T1', quantity: 1 },
  ],
};

function counterKeys() {
  let n = 0;
  return () => `key-${++n}`;
}

describe('createAttemptTracker', () => {
  it('reuses the key while the same order is retried', () => {
    const tracker = createAttemptTracker(counterKeys());
    expect(tracker.keyFor(order)).toBe('key-1');
    expect(tracker.keyFor({ ...order, items: [...order.items] })).toBe('key-1');
  });

  it('starts a new attempt when the order changes', () => {
    const tracker = createAttemptTracker(counterKeys());
    tracker.keyFor(order);
    expect(tracker.keyFor({ ...order, items: [{ tierId: 'T1', quantity: 3 }] })).toBe('key-2');
    expect(tracker.keyFor({ ...order, items: [{ tierId: 'T1', quantity: 3 }], customerEmail: 'b@x.io' })).toBe('key-3');
  });

  it('starts a new attempt after the server answered', () => {
    const tracker = createAttemptTracker(counterKeys());
    tracker.keyFor(order);
    tracker.settle();
    expect(tracker.pendingKey()).toBeNull();
    expect(tracker.keyFor(order)).toBe('key-2');
  });

  it('uses crypto.randomUUID by default', () => {
    const key = createAttemptTracker().keyFor(order);
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
  });
});

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
});
