import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { createStatementRunner, createTransactionRunner } from './named-statement.ts';
import { relations } from './relations.ts';

export interface DatabaseOptions {
  url: string;
  poolSize?: number;
  /** Called for errors on idle pooled connections (e.g. Postgres restarted); without a listener pg crashes the process. */
  onIdleError?: (error: Error) => void;
  /** Sees every SQL statement drizzle sends; tests use it to count statements per request. */
  onQuery?: (sql: string) => void;
  timeouts?: DatabaseTimeouts;
  /**
   * Send compiled statements (the booking batch) as named prepared statements; default true. Turn it
   * off behind a transaction-mode pooler that cannot keep them (PgBouncer before 1.21).
   */
  namedStatements?: boolean;
}

/**
 * Server-side limits set on every pooled connection, so that no request can hold a hot tier row
 * (or a connection) for long, whatever goes wrong in the process that holds it.
 */
export interface DatabaseTimeouts {
  /** Longest any one statement may run. */
  statementMs?: number;
  /** Longest a statement waits for a row lock, e.g. a tier row another transaction holds. */
  lockMs?: number;
  /** A transaction left open and idle (a stalled or buggy client) is ended and its locks released. */
  idleInTransactionMs?: number;
}

export const defaultDatabaseTimeouts = { statementMs: 5_000, lockMs: 2_000, idleInTransactionMs: 10_000 } as const;

export function createDatabase({ url, poolSize = 20, onIdleError, onQuery, timeouts, namedStatements = true }: DatabaseOptions) {
  const limits = { ...defaultDatabaseTimeouts, ...timeouts };
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // Also bounds the wait for a free pooled connection, so a request never queues forever.
    connectionTimeoutMillis: 5_000,
    // Sent in the startup packet: no extra round trip per connection. 0 turns a limit off.
    statement_timeout: limits.statementMs,
    lock_timeout: limits.lockMs,
    idle_in_transaction_session_timeout: limits.idleInTransactionMs,
    // Client-side backstop for a server that stops answering without closing the socket.
    query_timeout: limits.statementMs > 0 ? limits.statementMs + 2_000 : undefined,
  });
  pool.on('error', (error) => onIdleError?.(error));
  const db = drizzle({ client: pool, relations, logger: onQuery ? { logQuery: (query) => onQuery(query) } : undefined });
  const run = createStatementRunner(pool, { named: namedStatements, onQuery });
  const transaction = createTransactionRunner(pool, { named: namedStatements, onQuery });
  return { pool, db, run, transaction };
}

export type DatabaseConnection = ReturnType<typeof createDatabase>;
export type Database = DatabaseConnection['db'];
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Ends the pool even while statements are still running on it (pool.end() alone waits for every
 * checked-out connection to come back, for ever if one waits on a lock with no timeout). Each busy
 * connection is terminated, which fails its statement and rolls its transaction back.
 */
export async function endPoolNow(pool: pg.Pool) {
  // pg keeps its connections in a private array; there is no public way to reach busy ones.
  const clients = (pool as unknown as { _clients?: pg.Client[] })._clients ?? [];
  const ended = pool.end();
  await Promise.all(clients.map((client) => client.end().catch(() => {})));
  await ended;
}
