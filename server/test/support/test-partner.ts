import { insertPartnerKey } from '../../src/auth/demo-accounts.ts';
import { PARTNER_SCOPES } from '../../src/auth/partner-permissions.ts';
import { users } from '../../src/db/auth-schema.ts';
import { createDatabase } from '../../src/db/client.ts';

/** Stores the test partner (every scope, no practical quota) in a database tests talk to. */
export async function insertTestPartner(databaseUrl: string, plainKey: string) {
  const { db, pool } = createDatabase({ url: databaseUrl, poolSize: 1 });
  try {
    await db
      .insert(users)
      .values({ id: 'test-partner-owner', name: 'Test partner owner', email: 'test-partner-owner@example.com', role: 'organizer', emailVerified: true })
      .onConflictDoNothing();
    await insertPartnerKey(db, { ownerId: 'test-partner-owner', plainKey, name: 'Test partner', scopes: PARTNER_SCOPES, rateLimit: { max: 1_000_000_000, windowMs: 60_000 } });
  } finally {
    await pool.end();
  }
}
