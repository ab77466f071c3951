import SchemaBuilder from '@pothos/core';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import type DataLoader from 'dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { ApiKeyVerifier } from '../auth/api-key-verifier.ts';
import type { Auth } from '../auth/auth.ts';
import type { BookingAccess, BookingLinks } from '../auth/booking-access.ts';
import type { Quota, RateLimiter } from '../auth/rate-limiter.ts';
import { authScopesOf, unauthorizedError, type AuthScopes } from '../auth/scopes.ts';
import type { RequestIdentity } from '../auth/viewer.ts';
import type { BookingCoalescer } from '../booking/booking-coalescer.ts';
import type { TierCatalogue } from '../booking/tier-catalogue.ts';
import type { Database } from '../db/client.ts';
import { relations } from '../db/relations.ts';
import type { AvailabilityFeed } from '../events/availability-feed.ts';
import type { SalesFeed } from '../analytics/sales-feed.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { PaymentProvider } from '../payments/payment-provider.ts';
import type { AdmissionTokens } from '../waiting-room/admission-token.ts';
import type { WaitingRoomFeed } from '../waiting-room/waiting-room-feed.ts';

/** What every request shares: the process's services. */
export interface AppServices {
  db: Database;
  /** Bookings waiting to be written together (the coalescer), not the table. */
  bookingQueue: BookingCoalescer;
  /** Tier facts for pricing, cached per process. */
  tierCatalogue: TierCatalogue;
  availability: AvailabilityFeed;
  /** Organizers' live sales figures, one shared report per concert a second at most. */
  salesFeed: SalesFeed;
  metrics: Metrics;
  /** A database for catalogue reads that may lag: a read replica when configured; ctx.db otherwise. */
  replica?: () => Database;
  /** Charges and refunds cards (the simulated processor unless another is configured). */
  paymentProvider: PaymentProvider;
  /** How the outbox's emails reach shoppers: SMTP, only the development mailbox, or not at all. */
  emailDelivery: 'smtp' | 'developmentMailbox' | 'none';
  /** Links to the web app's booking pages, for emails (they open the booking for a guest). */
  bookingLinks: BookingLinks;
  auth: Auth;
  apiKeys: ApiKeyVerifier;
  rateLimiter: RateLimiter;
  bookingAccess: BookingAccess;
  /** Signs and checks waiting-room admission tokens (key derived from the auth secret). */
  admissionTokens: AdmissionTokens;
  /** Waiting-room statuses published by the tickers, per concert. */
  waitingRoomFeed: WaitingRoomFeed;
  /** Holds a guest or shopper may start per client address (partners have their key's quota). */
  holdQuota: Quota;
  /** Waiting-room joins per account, or per address for guests: a household shares one address. */
  joinQuota: Quota;
  /** Set per operation by the request log (HTTP) or graphql-ws; for log lines only. */
  requestId?: string;
}

export interface Context extends AppServices, RequestIdentity {
  /** Bookings this request may see although they are not its viewer's: it showed their secret link, or made them. */
  bookingGrants?: Set<string>;
  /** Concert id → its organizer's user id, read once per request (auth/concert-ownership.ts). */
  concertOwners?: DataLoader<string, string | null>;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: AuthScopes;
  DrizzleRelations: typeof relations;
  // SafeInt's sums may come from Postgres as bigint text.
  Scalars: { DateTime: { Input: Date; Output: Date }; SafeInt: { Input: number; Output: number | string } };
  DefaultFieldNullability: false;
}>({
  plugins: [ScopeAuthPlugin, ErrorsPlugin, ValidationPlugin, RelayPlugin, DrizzlePlugin],
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: authScopesOf,
    unauthorizedError,
  },
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
