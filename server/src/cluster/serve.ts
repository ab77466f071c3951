import nodemailer from 'nodemailer';
import { buildApp } from '../app.ts';
import type { Config } from '../config.ts';
import type { OpenDatabase } from '../db/open-database.ts';
import type { Logger } from '../observability/logger.ts';
import { loadAuthSecret } from '../auth/auth-secret.ts';
import { prepareDatabase } from './prepare-database.ts';

/**
 * One server process: its own pool and its own LISTEN connection. `prepare` migrates and seeds
 * first (a single process does; a cluster worker finds that done by the primary). SIGTERM and
 * SIGINT drain it gracefully; then it stops the database it opened (none for a worker).
 */
export async function serve(config: Config, database: OpenDatabase, logger: Logger, { prepare }: { prepare: boolean }) {
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
    if (prepare) await prepareDatabase(config, database, logger);
    const { secret: authSecret, generated } = await loadAuthSecret(config.listenDatabaseUrl ?? database.url, config.authSecret);
    if (generated && config.production && !database.embedded) logger.warn('AUTH_SECRET is not set: using the secret generated and kept in the database');
    app = buildApp({
      authSecret,
      trustProxy: config.trustProxy,
      holdQuota: { max: config.holdsPerMinute, windowMs: 60_000 },
      databaseUrl: database.url,
      listenDatabaseUrl: config.listenDatabaseUrl,
      replicaDatabaseUrls: config.replicaDatabaseUrls,
      namedStatements: config.namedStatements,
      poolSize: config.poolSize,
      production: config.production,
      logger,
      persistedOperations: { mode: config.persistedOperations, manifests: config.persistedDocuments },
      databaseTimeouts: config.databaseTimeouts,
      shutdownTimeoutMs: config.shutdownTimeoutMs,
      paymentWebhookSecret: config.paymentWebhookSecret,
      publicUrl: config.publicUrl,
      // Every timeout well inside the outbox sender's 60 s lease, so a stuck send is abandoned before
      // another sender may claim the same email.
      mailTransport: config.smtpUrl
        ? nodemailer.createTransport({ url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 })
        : undefined,
      mailFrom: config.mailFrom,
      developmentMailbox: config.developmentMailbox,
      corsOrigins: config.corsOrigins,
      metricsToken: config.metricsToken,
      webSockets: config.webSockets,
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
}
