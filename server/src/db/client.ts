import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { relations } from './relations.ts';

export interface DatabaseOptions {
  url: string;
  poolSize?: number;
  /** Called for errors on idle pooled connections (e.g. Postgres restarted); without a listener pg crashes the process. */
  onIdleError?: (error: Error) => void;
  /** Sees every SQL statement drizzle sends; tests use it to count statements per request. */
  onQuery?: (sql: string) => void;
}

export function createDatabase({ url, poolSize = 20, onIdleError, onQuery }: DatabaseOptions) {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5_000 });
  pool.on('error', (error) => onIdleError?.(error));
  const db = drizzle({ client: pool, relations, logger: onQuery ? { logQuery: (query) => onQuery(query) } : undefined });
  return { pool, db };
}

export type Database = ReturnType<typeof createDatabase>['db'];
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
