import { readConfig } from '../src/config.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { seedDemo } from '../src/db/seed-demo.ts';

// Idempotent: existing demo rows (and their availability) are left as they are.
const config = readConfig();
const database = await openDatabase(config, { reuseRunning: true });
try {
  await migrateDatabase(database.url);
  const { concerts, instructions } = await seedDemo(config, database.url);
  console.log(`demo catalogue seeded (${concerts} concerts in the database)\n${instructions}`);
} finally {
  await database.stop();
}
