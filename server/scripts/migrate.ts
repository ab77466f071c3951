import { readConfig } from '../src/config.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/open-database.ts';

const config = readConfig();
const database = await openDatabase(config, { reuseRunning: true });
try {
  // The migration lock is a session lock: straight to Postgres when DATABASE_URL is a pooler.
  await migrateDatabase(config.listenDatabaseUrl ?? database.url);
  console.log('migrations applied');
} finally {
  await database.stop();
}
