import { fileURLToPath } from 'node:url';
import { VITE_DEV_ORIGIN } from './http/origins.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  // Digits only: Number() would also take "1e3", "0x10" and " 12 ".
  if (!/^\d{1,15}$/.test(raw)) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return Number(raw);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new Error(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}

function list(env: Env, name: string, fallback: string[]) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  return raw.split(',').map((item) => item.trim()).filter(Boolean);
}

function secret(env: Env, name: string) {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < 32) throw new Error(`${name} must be at least 32 characters`);
  return raw;
}

/** Everything the process reads from its environment, in one place. */
export function readConfig(env: Env = process.env) {
  return {
    port: integer(env, 'PORT', 4000),
    /** Unset: run an embedded Postgres under dataDir. */
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR || `${repoRoot}.data`,
    embeddedPostgresPort: integer(env, 'EMBEDDED_PG_PORT', 54329),
    /** Without an explicit port, a busy default falls back to any free one. */
    embeddedPostgresPortIsExplicit: Boolean(env.EMBEDDED_PG_PORT),
    /** Seed the demo catalogue on start; always on for the embedded database. */
    seedDemo: env.SEED_DEMO === '1' || env.SEED_DEMO === 'true',
    poolSize: integer(env, 'DB_POOL_SIZE', 20),
    production: env.NODE_ENV === 'production',
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    /** `allow`: any operation, and persisted ones by hash. `only`: persisted operations only (trusted documents). */
    persistedOperations: oneOf(env, 'PERSISTED_OPERATIONS', ['allow', 'only'], 'allow'),
    /** Manifests (hash → document) of the operations to accept by hash; partners' lists go next to the web app's. */
    persistedDocuments: list(env, 'PERSISTED_DOCUMENTS', [`${repoRoot}web/src/gql/persisted-documents.json`]),
    databaseTimeouts: {
      statementMs: integer(env, 'DB_STATEMENT_TIMEOUT_MS', 5_000),
      lockMs: integer(env, 'DB_LOCK_TIMEOUT_MS', 2_000),
      idleInTransactionMs: integer(env, 'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', 10_000),
    },
    /** `off` sends the booking batch unnamed, for PgBouncer < 1.21 in transaction mode. */
    namedStatements: oneOf(env, 'DB_NAMED_STATEMENTS', ['on', 'off'], 'on') === 'on',
    /** Signs the card processor's webhooks; unset means the development secret (the simulated processor only). */
    paymentWebhookSecret: env.PAYMENT_WEBHOOK_SECRET || undefined,
    /** Where shoppers reach the web app, for links in emails. */
    publicUrl: env.PUBLIC_URL || `http://localhost:${integer(env, 'PORT', 4000)}`,
    /** smtp(s)://user:pass@host:port: emails are delivered; unset, they stay in the development mailbox (/dev/mailbox). */
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Concert tickets <tickets@localhost>',
    /**
     * Serve the outbox at /dev/mailbox (every shopper's emails, so never on a real deployment). Default:
     * on without SMTP in development and on the embedded demo database, off otherwise.
     */
    developmentMailbox:
      oneOf(env, 'DEV_MAILBOX', ['on', 'off', 'auto'], 'auto') === 'auto'
        ? !env.SMTP_URL && (env.NODE_ENV !== 'production' || !env.DATABASE_URL)
        : env.DEV_MAILBOX === 'on',
    /** How long SIGTERM waits for in-flight requests and bookings before closing anyway. */
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 15_000),
    /**
     * A direct connection to Postgres for LISTEN and migrations, when DATABASE_URL goes through a
     * transaction-mode pooler (PgBouncer), which can hold neither a LISTEN nor a session lock.
     */
    listenDatabaseUrl: env.LISTEN_DATABASE_URL || undefined,
    /** Read replicas for catalogue reads; bookings, pricing and `availability` stay on the primary. */
    replicaDatabaseUrls: list(env, 'DATABASE_REPLICA_URLS', []),
    /** Other origins whose pages may call the API from a browser (CORS, WebSocket upgrades); the server's own is always allowed. */
    corsOrigins: list(env, 'CORS_ORIGINS', env.NODE_ENV === 'production' ? [] : [VITE_DEV_ORIGIN]),
    /** Bearer token for /metrics; unset, /metrics answers 404 in production and is open in development. */
    metricsToken: env.METRICS_TOKEN || undefined,
    webSockets: {
      /** Operations one WebSocket may have at once; more are refused with TOO_MANY_SUBSCRIPTIONS. */
      maxSubscriptionsPerSocket: integer(env, 'WS_MAX_SUBSCRIPTIONS', 20),
      /** Open WebSockets per client address (429 on upgrade beyond it); 0 for none, e.g. behind a proxy that limits them. */
      maxSocketsPerAddress: integer(env, 'WS_MAX_SOCKETS_PER_IP', 50),
    },
    /** Signs session cookies and booking links (32+ characters); unset, one is generated and kept in the database. */
    authSecret: secret(env, 'AUTH_SECRET'),
    /** Client addresses (per-client limits) come from X-Forwarded-For: set behind a load balancer that writes it. */
    trustProxy: oneOf(env, 'TRUST_PROXY', ['on', 'off'], 'off') === 'on',
    /** Holds one guest address or signed-in shopper may start per minute. */
    holdsPerMinute: integer(env, 'HOLDS_PER_MINUTE', 30),
    /** The demo organizer and partner key made by the seed (npm start on the embedded database, npm run db:seed). */
    demo: {
      organizerEmail: env.DEMO_ORGANIZER_EMAIL || 'organizer@example.com',
      organizerPassword: env.DEMO_ORGANIZER_PASSWORD || undefined,
      partnerKey: env.DEMO_PARTNER_KEY || undefined,
    },
    /** Worker processes sharing the port (node:cluster); 1 runs the server in this process. */
    workers: integer(env, 'WORKERS', 1),
  };
}

export type Config = ReturnType<typeof readConfig>;
