import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

function integer(name: string, fallback: number) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
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
  };
}

export type Config = ReturnType<typeof readConfig>;
