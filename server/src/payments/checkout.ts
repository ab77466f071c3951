import type { Database } from '../db/client.ts';
import type { PaymentProvider } from './payment-provider.ts';

/** What paying, refunding and telling the shopper need; the GraphQL context is one. */
export interface Checkout {
  db: Database;
  paymentProvider: PaymentProvider;
  /** Where the web app is, for links in emails. */
  publicUrl: string;
}
