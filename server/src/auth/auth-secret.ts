import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { appSecrets } from '../db/auth-schema.ts';
import { getTableName } from 'drizzle-orm';

const NAME = 'auth';

/**
 * The secret that signs session cookies and booking links: AUTH_SECRET when set; otherwise one
 * generated on first start and kept in the database, so every instance shares it and sessions
 * survive restarts with no setup. Operators who keep secrets out of the database set AUTH_SECRET.
 */
export async function loadAuthSecret(databaseUrl: string, configured: string | undefined): Promise<{ secret: string; generated: boolean }> {
  if (configured) return { secret: configured, generated: false };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const table = pg.escapeIdentifier(getTableName(appSecrets));
    await client.query(`INSERT INTO ${table} (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [NAME, randomBytes(32).toString('base64url')]);
    const { rows } = await client.query<{ value: string }>(`SELECT value FROM ${table} WHERE name = $1`, [NAME]);
    return { secret: rows[0].value, generated: true };
  } finally {
    await client.end();
  }
}
