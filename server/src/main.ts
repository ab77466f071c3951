import { buildApp } from './app.ts';
import { readConfig } from './config.ts';
import { createDatabase } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';
import { openDatabase } from './db/open-database.ts';
import { seedDemoCatalogue } from './db/seed.ts';

const config = readConfig();
const log = {
  info: (msg: string) => console.log(msg),
  warn: (msg: string) => console.warn(msg),
  error: (msg: string) => console.error(msg),
};

const database = await openDatabase(config, {
  log: (line) => {
    if (/ERROR|FATAL|PANIC|initialising/.test(line)) console.log(`[postgres] ${line}`);
  },
});
let app: ReturnType<typeof buildApp> | undefined;
let stopping = false;

async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info(`${signal}: finishing in-flight requests, then stopping`);
  const force = setTimeout(() => process.exit(1), 20_000).unref();
  try {
    await app?.stop();
  } finally {
    // Stop Postgres ourselves before exiting, so the exit cannot race its shutdown.
    await database.stop();
    clearTimeout(force);
    process.exit(0);
  }
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

try {
  await migrateDatabase(database.url);
  if (database.embedded || config.seedDemo) {
    const { db, pool } = createDatabase({ url: database.url, poolSize: 1 });
    const { concerts } = await seedDemoCatalogue(db);
    await pool.end();
    log.info(`database ready (${database.embedded ? 'embedded Postgres' : 'DATABASE_URL'}, ${concerts} concerts)`);
  }
  app = buildApp({ databaseUrl: database.url, poolSize: config.poolSize, production: config.production, log });
  const { port } = await app.start(config.port);
  log.info(`Concert tickets: web app at http://localhost:${port}/ · GraphQL at http://localhost:${port}/graphql`);
} catch (error) {
  log.error(`failed to start: ${(error as Error).stack ?? error}`);
  await app?.stop().catch(() => {});
  await database.stop();
  process.exit(1);
}
