import { createAuth } from '../auth/auth.ts';
import { ensureDemoAccounts, type DemoAccounts } from '../auth/demo-accounts.ts';
import type { Config } from '../config.ts';
import { createDatabase } from './client.ts';
import { seedDemoCatalogue } from './seed.ts';

/** The demo catalogue, organizer and partner key; what to tell the person who started it. */
export async function seedDemo(config: Config, databaseUrl: string) {
  const { db, pool } = createDatabase({ url: databaseUrl, poolSize: 1, namedStatements: config.namedStatements });
  try {
    // Only users and keys are written here, so the secret that signs sessions plays no part.
    const auth = createAuth({ db, secret: 'seed-only-secret-not-used-for-signing', publicUrl: config.publicUrl, trustedOrigins: [], production: false });
    const accounts = await ensureDemoAccounts(auth, db, {
      email: config.demo.organizerEmail,
      password: config.demo.organizerPassword,
      partnerKey: config.demo.partnerKey,
    });
    // The demo concerts are the demo organizer's: signed in as it, one manages all of them.
    const { concerts } = await seedDemoCatalogue(db, accounts.userId);
    return { concerts, accounts, instructions: demoInstructions(config, accounts) };
  } finally {
    await pool.end();
  }
}

function demoInstructions(config: Config, accounts: DemoAccounts) {
  const url = config.publicUrl.replace(/\/$/, '');
  return [
    `Demo organizer: ${accounts.email} / ${accounts.password ?? '(password as printed when it was created; set DEMO_ORGANIZER_PASSWORD to fix one)'}`,
    `  sign in at ${url}/signin`,
    `Demo partner API key: ${accounts.partnerKey ?? '(shown once when it was created; set DEMO_PARTNER_KEY to fix one)'}`,
    `  curl -H 'content-type: application/json' -H 'x-api-key: ${accounts.partnerKey ?? '<key>'}' ${url}/graphql -d '{"query":"{ concerts(first: 3) { edges { node { id name } } } }"}'`,
  ].join('\n');
}
