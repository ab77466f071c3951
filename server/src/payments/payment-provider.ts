/** A card as the shopper typed it; only the provider ever sees the number. */
export interface Card {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
}

export interface ChargeRequest {
  /** The provider's idempotency key: the same key never charges twice. */
  idempotencyKey: string;
  amountCents: number;
  currency: string;
  card: Card;
}

export interface RefundRequest {
  /** The provider's idempotency key: a refund retried with the same key refunds nothing more (refundKeyOf). */
  idempotencyKey: string;
  /** The charge's reference. */
  reference: string;
  amountCents: number;
}

export type ChargeOutcome =
  | { status: 'succeeded'; reference: string }
  | { status: 'declined'; reference: string; declineCode: string }
  /** Accepted, decided later (the provider tells by webhook, or when asked). */
  | { status: 'processing'; reference: string };

/** The provider did not answer in time: the charge may or may not have happened. Ask later. */
export class ProviderTimeoutError extends Error {
  constructor() {
    super('the payment provider did not answer in time');
  }
}

/**
 * What the checkout needs from a card processor. Every call is idempotent by key, like Stripe's
 * API, so a retry after a lost answer never charges twice.
 */
export interface PaymentProvider {
  readonly name: string;
  charge(request: ChargeRequest): Promise<ChargeOutcome>;
  /** The outcome of an earlier charge by its idempotency key, or null when the provider never saw it. */
  retrieve(idempotencyKey: string): Promise<ChargeOutcome | null>;
  /** Resolves once refunded, also when this key was refunded before; throws when refused (more than was captured). */
  refund(request: RefundRequest): Promise<void>;
}
