import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config.ts';
import type { OpenDatabase } from '../db/open-database.ts';
import type { Logger } from '../observability/logger.ts';
import { prepareDatabase } from './prepare-database.ts';

/** A worker that dies sooner than this after starting is restarted after a pause, not at once. */
const CRASH_LOOP_MS = 2_000;

/**
 * The cluster primary: it serves nothing itself. It opens the database (starting the embedded
 * one if DATABASE_URL is unset), migrates and seeds it once, forks `workers` processes that share
 * the port and nothing else but Postgres (each has its own pool and LISTEN connection), restarts a
 * worker that dies, and on SIGTERM drains every worker and then stops the database, once.
 */
export async function runPrimary(config: Config, database: OpenDatabase, logger: Logger) {
  let stopping = false;
  const started = new Map<Worker, number>();

  function fork() {
    // A restart scheduled before SIGTERM must not start a worker during shutdown.
    if (stopping) return;
    // Workers use the database the primary opened; they never start or stop it.
    const worker = cluster.fork({ DATABASE_URL: database.url });
    started.set(worker, Date.now());
  }

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (started.get(worker) ?? 0);
    started.delete(worker);
    if (stopping) return;
    logger.warn({ worker: worker.process.pid, code, signal }, 'worker died; starting another');
    setTimeout(fork, lived < CRASH_LOOP_MS ? 1_000 : 0);
  });

  async function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, workers: started.size }, 'draining every worker, then stopping');
    const force = setTimeout(() => process.exit(1), config.shutdownTimeoutMs + 10_000).unref();
    const exits = [...started.keys()].map(
      (worker) => new Promise<void>((resolve) => (worker.isDead() ? resolve() : worker.once('exit', () => resolve()))),
    );
    for (const worker of started.keys()) worker.process.kill('SIGTERM');
    await Promise.all(exits);
    await database.stop();
    clearTimeout(force);
    logger.info('stopped');
    logger.flush();
    process.exit(0);
  }
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await prepareDatabase(config, database, logger);
  } catch (error) {
    logger.fatal({ err: error }, 'failed to prepare the database');
    await database.stop();
    process.exit(1);
  }
  for (let i = 0; i < config.workers; i += 1) fork();
  logger.info({ workers: config.workers, port: config.port }, 'cluster started');
}
