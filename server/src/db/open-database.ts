import { join } from 'node:path';
import type { Config } from '../config.ts';
import { runningEmbeddedPostgresUrl, startEmbeddedPostgres } from './embedded-postgres.ts';

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL when set; otherwise the embedded cluster under DATA_DIR. With `reuseRunning`, a cluster
 * that another process (e.g. `npm start`) is running is used as it is, and left running.
 */
export async function openDatabase(
  config: Config,
  { reuseRunning = false, log }: { reuseRunning?: boolean; log?: (line: string) => void } = {},
): Promise<OpenDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => {} };
  const dataDir = join(config.dataDir, 'postgres');
  if (reuseRunning) {
    const url = await runningEmbeddedPostgresUrl(dataDir);
    if (url) return { url, embedded: true, stop: async () => {} };
  }
  const postgres = await startEmbeddedPostgres({
    dataDir,
    port: config.embeddedPostgresPort,
    fallBackToFreePort: !config.embeddedPostgresPortIsExplicit,
    log,
    // A server whose database is gone for good serves nothing: exit, so that whatever runs it can act.
    onLost: (error) => {
      log?.(`FATAL: ${error.message}`);
      // Let the log line be written first.
      setTimeout(() => process.exit(1), 100);
    },
  });
  return { url: postgres.url, embedded: true, stop: postgres.stop };
}
