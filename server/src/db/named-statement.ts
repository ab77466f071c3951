import { fillPlaceholders, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { PgDialect, type PgColumn } from 'drizzle-orm/pg-core';
import type pg from 'pg';

/**
 * A statement written with drizzle's `sql` template against db/schema.ts, compiled to SQL text once,
 * and sent as a named prepared statement: each pooled connection parses and plans it once, then only
 * binds and executes. Parameters are named placeholders checked against `Params`, so two arguments of
 * the same SQL type can never be swapped by position.
 */
export interface NamedStatement<Params extends Record<string, unknown>, Row> {
  readonly name: string;
  readonly text: string;
  readonly params: unknown[];
  /** Phantom: carries the parameter and row types. */
  readonly types?: { params: Params; row: Row };
}

const dialect = new PgDialect();

export function compileStatement<Params extends Record<string, unknown>, Row>(name: string, query: SQL): NamedStatement<Params, Row> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return { name, text, params };
}

/** `p('bookingIds')` is a placeholder that must be a key of Params. */
export function placeholders<Params extends Record<string, unknown>>() {
  return (name: keyof Params & string) => sql.placeholder(name);
}

/** An unqualified column name (INSERT column lists and ON CONFLICT targets take no table prefix). */
export const columnName = (column: PgColumn) => sql.identifier(column.name);

/** A placeholder cast to an array of the column's own SQL type, as `unnest` needs. */
export const arrayOf = (placeholder: Placeholder, column: PgColumn) => sql`${placeholder}::${sql.raw(column.getSQLType())}[]`;

export type StatementRunner = <Params extends Record<string, unknown>, Row>(
  statement: NamedStatement<Params, Row>,
  values: Params,
) => Promise<Row[]>;

/**
 * Runs compiled statements on the pool (or on one connection of it) and reports them to the same
 * query log as drizzle's own queries. `named: false` sends them unnamed, for poolers that cannot keep
 * a prepared statement across transactions (PgBouncer < 1.21 in transaction mode).
 */
export function createStatementRunner(
  target: Pick<pg.Pool, 'query'> | pg.PoolClient,
  options: { named: boolean; onQuery?: (sql: string) => void },
): StatementRunner {
  return async (statement, values) => {
    options.onQuery?.(statement.text);
    const result = await target.query({
      name: options.named ? statement.name : undefined,
      text: statement.text,
      values: fillPlaceholders(statement.params, values),
    });
    return result.rows;
  };
}

/**
 * Runs `work` in one transaction on one pooled connection: compiled statements that must see each
 * other's effects or locks (a later statement's fresh snapshot sees what committed while an earlier
 * one waited for a lock). Commits unless `work` throws or `commit(result)` says no; then rolls back.
 */
export type TransactionRunner = <T>(work: (run: StatementRunner) => Promise<T>, commit?: (result: T) => boolean) => Promise<T>;

export function createTransactionRunner(pool: pg.Pool, options: { named: boolean; onQuery?: (sql: string) => void }): TransactionRunner {
  return async (work, commit = () => true) => {
    const client = await pool.connect();
    let broken: unknown;
    try {
      options.onQuery?.('BEGIN');
      await client.query('BEGIN');
      const result = await work(createStatementRunner(client, options));
      const end = commit(result) ? 'COMMIT' : 'ROLLBACK';
      options.onQuery?.(end);
      await client.query(end);
      return result;
    } catch (error) {
      // A connection that cannot even roll back is not given back to the pool.
      await client.query('ROLLBACK').catch((rollbackError: unknown) => (broken = rollbackError));
      throw error;
    } finally {
      client.release(broken instanceof Error ? broken : undefined);
    }
  };
}
