import cluster from 'node:cluster';
import { runPrimary } from './cluster/primary.ts';
import { serve } from './cluster/serve.ts';
import { readConfig } from './config.ts';
import { openDatabase } from './db/open-database.ts';
import { createLogger } from './observability/logger.ts';

const config = readConfig();
const logger = createLogger({ level: config.logLevel });

const database = await openDatabase(config, {
  log: (line) => {
    if (/ERROR|FATAL|PANIC|initialising|orphaned|unexpectedly|running again/.test(line)) logger.info({ postgres: line }, 'embedded postgres');
  },
});

if (cluster.isPrimary && config.workers > 1) await runPrimary(config, database, logger);
// A worker's DATABASE_URL is the primary's database, already migrated and seeded.
else await serve(config, database, logger, { prepare: cluster.isPrimary });
