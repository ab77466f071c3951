// One idempotency key per booking attempt. Retrying the same order after a
// network failure must reuse the key so the server replays the first booking
// instead of making a second; any change to the order, or any answer from the
// server, starts a new attempt.

export interface OrderLine {
  tierId: string;
  quantity: number;
}

export interface Order {
  concertId: string;
  customerEmail: string;
  items: OrderLine[];
}

export interface BookingAttempt {
  key: string;
  order: Order;
}

// Two orders are the same attempt when the server would see the same input.
export function orderSignature(order: Order): string {
  const items = order.items
    .filter((line) => line.quantity > 0)
    .map((line) => [line.tierId, line.quantity] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([order.concertId, order.customerEmail.trim(), items]);
}

export function createAttemptTracker(newKey: () => string = () => crypto.randomUUID()) {
  let current: { key: string; signature: string } | null = null;

  return {
    // The key to send for this order: the pending attempt's key if the order
    // is unchanged, else a fresh one.
    keyFor(order: Order): string {
      const signature = orderSignature(order);
      if (!current || current.signature !== signature) {
        current = { key: newKey(), signature };
      }
      return current.key;
    },
    // The server answered (booked, or refused with a typed error): the next
    // submit is a new attempt even if the order looks the same.
    settle(): void {
      current = null;
    },
    pendingKey(): string | null {
      return current?.key ?? null;
    },
  };
}

export type AttemptTracker = ReturnType<typeof createAttemptTracker>;
