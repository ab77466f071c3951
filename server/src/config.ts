import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

function integer(name: string, fallback: number) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new Error(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}

function list(name: string, fallback: string[]) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  return raw.split(',').map((item) => item.trim()).filter(Boolean);
}

/** Everything the process reads from its environment, in one place. */
export function readConfig() {
  return {
    port: integer('PORT', 4000),
    /** Unset: run an embedded Postgres under dataDir. */
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: process.env.DATA_DIR || `${repoRoot}.data`,
    embeddedPostgresPort: integer('EMBEDDED_PG_PORT', 54329),
    /** Without an explicit port, a busy default falls back to any free one. */
    embeddedPostgresPortIsExplicit: Boolean(process.env.EMBEDDED_PG_PORT),
    /** Seed the demo catalogue on start; always on for the embedded database. */
    seedDemo: process.env.SEED_DEMO === '1' || process.env.SEED_DEMO === 'true',
    poolSize: integer('DB_POOL_SIZE', 20),
    production: process.env.NODE_ENV === 'production',
    logLevel: oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    /** `allow`: any operation, and persisted ones by hash. `only`: persisted operations only (trusted documents). */
    persistedOperations: oneOf('PERSISTED_OPERATIONS', ['allow', 'only'], 'allow'),
    /** Manifests (hash → document) of the operations to accept by hash; partners' lists go next to the web app's. */
    persistedDocuments: list('PERSISTED_DOCUMENTS', [`${repoRoot}web/src/gql/persisted-documents.json`]),
    databaseTimeouts: {
      statementMs: integer('DB_STATEMENT_TIMEOUT_MS', 5_000),
      lockMs: integer('DB_LOCK_TIMEOUT_MS', 2_000),
      idleInTransactionMs: integer('DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', 10_000),
    },
    /** How long SIGTERM waits for in-flight requests and bookings before closing anyway. */
    shutdownTimeoutMs: integer('SHUTDOWN_TIMEOUT_MS', 15_000),
  };
}

export type Config = ReturnType<typeof readConfig>;
