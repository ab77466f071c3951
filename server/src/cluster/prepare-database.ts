import type { Config } from '../config.ts';
import { migrateDatabase } from '../db/migrate.ts';
import type { OpenDatabase } from '../db/open-database.ts';
import { seedDemo } from '../db/seed-demo.ts';
import type { Logger } from '../observability/logger.ts';

/**
 * Migrates (and seeds the demo catalogue when asked), once per start: by the single process, or
 * by the cluster primary before it forks any worker. Migrations take a session advisory lock, so
 * they use the direct connection (LISTEN_DATABASE_URL) when DATABASE_URL goes through PgBouncer.
 */
export async function prepareDatabase(config: Config, database: OpenDatabase, logger: Logger) {
  await migrateDatabase(config.listenDatabaseUrl ?? database.url);
  if (database.embedded || config.seedDemo) {
    const { concerts, instructions } = await seedDemo(config, database.url);
    logger.info({ source: database.embedded ? 'embedded Postgres' : 'DATABASE_URL', concerts }, 'database ready');
    // For the person at the terminal, not the log pipeline: plain lines they can copy.
    process.stdout.write(`\n${instructions}\n\n`);
  }
}
