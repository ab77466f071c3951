import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * JSON lines on stdout: what log shippers expect, and pino writes them without blocking the
 * booking path on formatting. `LOG_LEVEL=debug` adds one line per GraphQL operation (see request-log.ts).
 */
export function createLogger({ level = 'info', name = 'concert-tickets' }: { level?: string; name?: string } = {}): Logger {
  return pino({
    name,
    level,
    base: { pid: process.pid },
    // Connection strings carry the database password.
    redact: ['databaseUrl', 'url', '*.connectionString'],
  });
}

/** For tests and tools that build an app without wanting its output. */
export const silentLogger: Logger = pino({ level: 'silent' });
