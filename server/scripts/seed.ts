import { readConfig } from '../src/config.ts';
import { createDatabase } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { seedDemoCatalogue } from '../src/db/seed.ts';

// Idempotent: existing demo rows (and their availability) are left as they are.
const database = await openDatabase(readConfig(), { reuseRunning: true });
try {
  await migrateDatabase(database.url);
  const { db, pool } = createDatabase({ url: database.url, poolSize: 1 });
  const { concerts } = await seedDemoCatalogue(db);
  await pool.end();
  console.log(`demo catalogue seeded (${concerts} concerts in the database)`);
} finally {
  await database.stop();
}
