import nodemailer from 'nodemailer';
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';
import { createDatabase } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';
import { openDatabase } from './db/open-database.ts';
import { seedDemoCatalogue } from './db/seed.ts';
import { createLogger } from './observability/logger.ts';

const config = readConfig();
const logger = createLogger({ level: config.logLevel });

const database = await openDatabase(config, {
  log: (line) => {
    if (/ERROR|FATAL|PANIC|initialising|orphaned/.test(line)) logger.info({ postgres: line }, 'embedded postgres');
  },
});
let app: ReturnType<typeof buildApp> | undefined;
let stopping = false;

async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'finishing in-flight requests, then stopping');
  const force = setTimeout(() => process.exit(1), config.shutdownTimeoutMs + 5_000).unref();
  try {
    await app?.stop();
  } finally {
    // Stop Postgres ourselves before exiting, so the exit cannot race its shutdown.
    await database.stop();
    clearTimeout(force);
    logger.info('stopped');
    logger.flush();
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
    logger.info({ source: database.embedded ? 'embedded Postgres' : 'DATABASE_URL', concerts }, 'database ready');
  }
  app = buildApp({
    databaseUrl: database.url,
    poolSize: config.poolSize,
    production: config.production,
    logger,
    persistedOperations: { mode: config.persistedOperations, manifests: config.persistedDocuments },
    databaseTimeouts: config.databaseTimeouts,
    shutdownTimeoutMs: config.shutdownTimeoutMs,
    namedStatements: config.namedStatements,
    paymentWebhookSecret: config.paymentWebhookSecret,
    publicUrl: config.publicUrl,
    mailTransport: config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : undefined,
    mailFrom: config.mailFrom,
  });
  const { port } = await app.start(config.port);
  logger.info(
    { port, persistedOperations: config.persistedOperations },
    `Concert tickets: web app at http://localhost:${port}/ · GraphQL at http://localhost:${port}/graphql`,
  );
} catch (error) {
  logger.fatal({ err: error }, 'failed to start');
  await app?.stop().catch(() => {});
  await database.stop();
  process.exit(1);
}
