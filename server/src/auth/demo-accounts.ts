import { randomBytes, randomUUID } from 'node:crypto';
import { defaultKeyHasher } from '@better-auth/api-key';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { apiKeys, users } from '../db/auth-schema.ts';
import type { Auth } from './auth.ts';
import { API_KEY_PREFIX, DEFAULT_KEY_RATE_LIMIT, PARTNER_SCOPES, permissionsOf, type PartnerScope } from './partner-permissions.ts';

export const DEMO_PARTNER_KEY_NAME = 'Demo partner';

export interface DemoAccountsOptions {
  email: string;
  /** Fixed by DEMO_ORGANIZER_PASSWORD; otherwise generated when the organizer is first created. */
  password?: string;
  /** Fixed by DEMO_PARTNER_KEY; otherwise generated when the demo key is first created. */
  partnerKey?: string;
}

export interface DemoAccounts {
  /** The demo organizer's user id: the demo concerts are its own. */
  userId: string;
  email: string;
  /** Known only when set now (created, or fixed by configuration); a generated one is shown once. */
  password: string | null;
  partnerKey: string | null;
}

/**
 * The demo organizer and its partner key, for trying the product (npm start, db:seed). Idempotent:
 * a configured password or key is made to match on every run; a generated one is made only once
 * and printed then, like any secret that is stored hashed.
 */
export async function ensureDemoAccounts(auth: Auth, db: Database, options: DemoAccountsOptions): Promise<DemoAccounts> {
  const context = await auth.$context;
  const email = options.email.toLowerCase();
  let password: string | null = null;
  let [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) {
    password = options.password ?? randomBytes(12).toString('base64url');
    const created = await context.internalAdapter.createUser({ email, name: 'Demo organizer', emailVerified: true }, { method: 'email-password' });
    await context.internalAdapter.linkAccount({ userId: created.id, providerId: 'credential', accountId: created.id, password: await context.password.hash(password) });
    user = { id: created.id };
  } else if (options.password) {
    password = options.password;
    await context.internalAdapter.updatePassword(user.id, await context.password.hash(password));
  }
  await db.update(users).set({ role: 'organizer', emailVerified: true }).where(eq(users.id, user.id));

  let partnerKey: string | null = null;
  if (options.partnerKey) {
    partnerKey = options.partnerKey;
    await insertPartnerKey(db, { ownerId: user.id, plainKey: partnerKey, name: DEMO_PARTNER_KEY_NAME, scopes: PARTNER_SCOPES });
  } else {
    const [existing] = await db.select({ id: apiKeys.id }).from(apiKeys).where(and(eq(apiKeys.referenceId, user.id), eq(apiKeys.name, DEMO_PARTNER_KEY_NAME)));
    if (!existing) {
      partnerKey = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
      await insertPartnerKey(db, { ownerId: user.id, plainKey: partnerKey, name: DEMO_PARTNER_KEY_NAME, scopes: PARTNER_SCOPES });
    }
  }
  return { userId: user.id, email, password, partnerKey };
}

/**
 * Stores a key whose value was chosen outside (configuration, tests) exactly as the api-key plugin
 * stores the ones it generates: its SHA-256 only, by the plugin's own hasher. A key already there
 * is left as it is. A `rateLimit` of null stores the key without a quota (no limiter round trip).
 */
export async function insertPartnerKey(
  db: Database,
  key: { ownerId: string; plainKey: string; name: string; scopes: readonly PartnerScope[]; rateLimit?: { max: number; windowMs: number } | null },
) {
  const rateLimit = key.rateLimit === undefined ? DEFAULT_KEY_RATE_LIMIT : key.rateLimit;
  await db
    .insert(apiKeys)
    .values({
      id: randomUUID(),
      name: key.name,
      key: await defaultKeyHasher(key.plainKey),
      start: key.plainKey.slice(0, 6),
      prefix: key.plainKey.startsWith(API_KEY_PREFIX) ? API_KEY_PREFIX : null,
      referenceId: key.ownerId,
      permissions: JSON.stringify(permissionsOf(key.scopes)),
      rateLimitEnabled: rateLimit !== null,
      rateLimitMax: rateLimit?.max ?? null,
      rateLimitTimeWindow: rateLimit?.windowMs ?? null,
    })
    .onConflictDoNothing({ target: apiKeys.key });
}
