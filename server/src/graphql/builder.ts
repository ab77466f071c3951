import SchemaBuilder from '@pothos/core';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ValidationPlugin from '@pothos/plugin-validation';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { BookingCoalescer } from '../booking/booking-coalescer.ts';
import type { TierCatalogue } from '../booking/tier-catalogue.ts';
import type { Database } from '../db/client.ts';
import { relations } from '../db/relations.ts';
import type { AvailabilityFeed } from '../events/availability-feed.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { PaymentProvider } from '../payments/payment-provider.ts';

export interface Context {
  db: Database;
  /** Bookings waiting to be written together (the coalescer), not the table. */
  bookingQueue: BookingCoalescer;
  /** Tier facts for pricing, cached per process. */
  tierCatalogue: TierCatalogue;
  availability: AvailabilityFeed;
  metrics: Metrics;
  /** A database for catalogue reads that may lag: a read replica when configured; ctx.db otherwise. */
  replica?: () => Database;
  /** Charges and refunds cards (the simulated processor unless another is configured). */
  paymentProvider: PaymentProvider;
  /** How the outbox's emails reach shoppers: SMTP, only the development mailbox, or not at all. */
  emailDelivery: 'smtp' | 'developmentMailbox' | 'none';
  /** Where the web app is, for links in emails. */
  publicUrl: string;
  /** Set per operation by the request log (HTTP) or graphql-ws; for log lines only. */
  requestId?: string;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  DrizzleRelations: typeof relations;
  Scalars: { DateTime: { Input: Date; Output: Date } };
  DefaultFieldNullability: false;
}>({
  plugins: [ErrorsPlugin, ValidationPlugin, RelayPlugin, DrizzlePlugin],
  defaultFieldNullability: false,
  drizzle: {
    client: (ctx) => ctx.db,
    getTableConfig,
    relations,
    maxConnectionSize: 100,
  },
  // node and nodes are our own (types/node.ts): Relay's throw for ids that are not ours.
  relay: { clientMutationId: 'omit', cursorType: 'String', nodeQueryOptions: false, nodesQueryOptions: false },
  errors: { defaultTypes: [] },
});
