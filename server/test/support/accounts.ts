import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { users, type UserRole } from '../../src/db/auth-schema.ts';
import type { TestApp } from './test-app.ts';

export interface TestAccount {
  id: string;
  email: string;
  /** Send these to act as the account: its session cookies. */
  headers: Record<string, string>;
}

/**
 * A fresh account of its own, signed in through better-auth's server API (the cookies a browser
 * would get). The role is set before signing in, so the session's cached copy already carries it.
 */
export async function signedInAccount(app: TestApp, role: UserRole = 'shopper'): Promise<TestAccount> {
  const email = `${role}-${randomUUID()}@example.com`;
  const password = 'a-long-enough-password';
  const { user } = await app.auth.api.signUpEmail({ body: { email, password, name: role } });
  await app.db.update(users).set({ role, emailVerified: true }).where(eq(users.id, user.id));
  const { headers } = await app.auth.api.signInEmail({ body: { email, password }, returnHeaders: true });
  const cookie = headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  return { id: user.id, email, headers: { cookie } };
}
