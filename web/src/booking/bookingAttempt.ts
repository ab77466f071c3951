// An order as the server will see it, and when two orders are the same
// attempt. Retrying the same order after a lost response must reuse the
// idempotency key so the server replays the first booking instead of making a
// second; any change to the order starts a new attempt (bookingState.ts).

export interface OrderLine {
  tierId: string;
  quantity: number;
}

export interface Order {
  concertId: string;
  customerEmail: string;
  items: OrderLine[];
}

// Two orders are the same attempt when the server would see the same input.
export function orderSignature(order: Order): string {
  const items = order.items
    .filter((line) => line.quantity > 0)
    .map((line) => [line.tierId, line.quantity] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([order.concertId, order.customerEmail.trim(), items]);
}
