import { readConfig } from '../src/config.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/open-database.ts';

const database = await openDatabase(readConfig(), { reuseRunning: true });
try {
  await migrateDatabase(database.url);
  console.log('migrations applied');
} finally {
  await database.stop();
}
