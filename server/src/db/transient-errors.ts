// SQLSTATEs that mean "the database could not do it now", not "the request is wrong": timeouts we
// set ourselves (db/client.ts), Postgres shutting down or starting up, and conflicts worth retrying.
const TRANSIENT_SQLSTATES = new Set([
  '55P03', // lock_not_available: lock_timeout
  '57014', // query_canceled: statement_timeout
  '25P03', // idle_in_transaction_session_timeout
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: still starting
  '53300', // too_many_connections
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN']);
// node-postgres reports lost connections and its own timeouts with messages only.
const TRANSIENT_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|not queryable|the LISTEN connection to Postgres is down/;

/** Walks originalError / cause links: Yoga wraps resolver errors, drizzle wraps pg's. */
function* causes(error: unknown): Generator<unknown> {
  const seen = new Set<unknown>();
  for (let current = error; current != null && !seen.has(current); ) {
    seen.add(current);
    yield current;
    const next = current as { originalError?: unknown; cause?: unknown; errors?: unknown[] };
    if (Array.isArray(next.errors)) yield* next.errors; // AggregateError from a multi-address connect
    current = next.originalError ?? next.cause;
  }
}

/** The SQLSTATE of the Postgres error behind `error`, however wrapped. */
export function sqlStateOf(error: unknown): string | undefined {
  for (const cause of causes(error)) {
    const { code } = (cause ?? {}) as { code?: unknown };
    // Five characters with a digit: Node's own codes (EPIPE, EPERM) have none.
    if (typeof code === 'string' && /^(?=.*\d)[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export function isTransientDatabaseError(error: unknown): boolean {
  for (const cause of causes(error)) {
    const { code, message } = (cause ?? {}) as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (TRANSIENT_SQLSTATES.has(code) || code.startsWith('08') || TRANSIENT_NODE_CODES.has(code))) {
      return true;
    }
    if (typeof message === 'string' && TRANSIENT_MESSAGES.test(message)) return true;
  }
  return false;
}
