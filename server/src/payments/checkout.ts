import type { BookingLinks } from '../auth/booking-access.ts';
import type { Database } from '../db/client.ts';
import type { PaymentProvider } from './payment-provider.ts';

/** What paying, refunding and telling the shopper need; the GraphQL context is one. */
export interface Checkout {
  db: Database;
  paymentProvider: PaymentProvider;
  /** Links to the web app's booking pages, for emails (they open the booking for a guest). */
  bookingLinks: BookingLinks;
}
