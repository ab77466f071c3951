import type { Transporter } from 'nodemailer';
import type { Quota } from './auth/rate-limiter.ts';
import type { BookingCoalescerOptions } from './booking/booking-coalescer.ts';
import type { HoldSweeperOptions } from './booking/hold-sweeper.ts';
import type { ConcertCancellationOptions } from './catalogue/concert-cancellation-job.ts';
import type { DatabaseTimeouts } from './db/client.ts';
import type { CatalogueResultsOptions } from './catalogue/catalogue-results.ts';
import type { WebSocketLimits } from './http/graphql-ws.ts';
import type { PersistedOperationsOptions } from './http/persisted-operations.ts';
import type { Logger } from './observability/logger.ts';
import type { PaymentProvider } from './payments/payment-provider.ts';

/** What buildApp (app.ts) takes; cluster/serve.ts fills it from the environment (config.ts). */
export interface AppOptions {
  databaseUrl: string;
  poolSize?: number;
  /** Hides field suggestions and error details, and logs one line per operation at debug only. */
  production?: boolean;
  /** Folder of the web app's production build, served at `/`. */
  webRoot?: string;
  booking?: BookingCoalescerOptions;
  onQuery?: (sql: string) => void;
  /** Structured logs; silent when unset. */
  logger?: Logger;
  /** Lifecycle messages (pool and LISTEN connection trouble); defaults to `logger`. */
  log?: { info(msg: string): void; warn(msg: string): void; error(msg: string): void };
  /** Default: `allow`, with the web app's codegen manifest registered. */
  persistedOperations?: PersistedOperationsOptions;
  databaseTimeouts?: DatabaseTimeouts;
  /** Named prepared statements for the booking batch (default true); off behind PgBouncer < 1.21 in transaction mode. */
  namedStatements?: boolean;
  /** How long stop() waits for in-flight requests and bookings before closing anyway. */
  shutdownTimeoutMs?: number;
  /** Expired holds go back on sale within about `intervalMs` (500 by default). */
  holdSweeper?: Omit<HoldSweeperOptions, 'log'>;
  /** The job that cancels and refunds the bookings of cancelled concerts (batch size, lease, hooks for tests). */
  concertCancellations?: Omit<ConcertCancellationOptions, 'log'>;
  /** Default: the simulated card processor (Stripe-like test cards), keeping its books in this database. */
  paymentProvider?: PaymentProvider;
  /** Where shoppers reach the web app, for links in emails; default http://localhost:<port>. */
  publicUrl?: string;
  /** Delivers the outbox's emails; without one (no SMTP_URL) they stay in the development mailbox. */
  mailTransport?: Transporter;
  mailFrom?: string;
  /** Serve the outbox at /dev/mailbox; default: only outside production and without a mail transport. */
  developmentMailbox?: boolean;
  /** Shared with the card processor: webhooks to /webhooks/payments must be signed with it. */
  paymentWebhookSecret?: string;
  /** How often the LISTEN connection is checked (see PostgresListener); tests shorten it. */
  listenHeartbeatMs?: number;
  /** A direct connection to Postgres for LISTEN when databaseUrl goes through a transaction-mode pooler. */
  listenDatabaseUrl?: string;
  /** Read replicas for catalogue reads (see db/replicas.ts). */
  replicaDatabaseUrls?: string[];
  /** Other origins whose pages may call the API (CORS and WebSocket); default: Vite's in development, none in production. */
  corsOrigins?: string[];
  /** /metrics needs `Authorization: Bearer <metricsToken>`; without one it is 404 in production and open in development. */
  metricsToken?: string;
  /** Default: 20 operations per socket, 50 sockets per client address. */
  webSockets?: Partial<WebSocketLimits>;
  /** How often open WebSockets' sessions are checked, so that one whose session ended is closed (default 5 s). */
  sessionCheckIntervalMs?: number;
  /** Guests' public catalogue results shared per process (http/catalogue-result-cache.ts); false turns it off. */
  catalogueResults?: CatalogueResultsOptions | false;
  /** Signs session cookies and booking links; default: a fixed development secret (never in production). */
  authSecret?: string;
  /** Client addresses come from X-Forwarded-For (behind a load balancer that sets it). */
  trustProxy?: boolean;
  /** How often the sales rollup catches up with bookings (analytics/sales-rollup.ts); 0 turns it off. Default 1 s. */
  salesRollupIntervalMs?: number;
  /**
   * How often this instance ticks the waiting rooms (waiting-room/admission-ticker.ts); 0 turns it
   * off (tests tick with a simulated clock). Default 1 s: every instance ticks, one acts per room.
   */
  waitingRoomTickMs?: number;
  /** Holds per client address by guests and shoppers; default 30 a minute. */
  holdQuota?: Quota;
  /** Waiting-room joins per account (or client address for guests); default 60 a minute. */
  joinQuota?: Quota;
}
