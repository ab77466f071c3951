import { apiKey } from '@better-auth/api-key';
import { drizzleAdapter } from '@better-auth/drizzle-adapter/relations-v2';
import { hash, verify } from '@node-rs/argon2';
import { betterAuth } from 'better-auth';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { magicLink } from 'better-auth/plugins/magic-link';
import type { Database } from '../db/client.ts';
import { accounts, apiKeys, sessions, users, verifications } from '../db/auth-schema.ts';
import { queueMagicLinkEmail } from '../emails/magic-link-email.ts';
import { hasUnstorableText, UNSTORABLE_TEXT } from '../db/storable-text.ts';
import { API_KEY_PREFIX, DEFAULT_KEY_RATE_LIMIT } from './partner-permissions.ts';

export const AUTH_BASE_PATH = '/api/auth';
export const MAGIC_LINK_MINUTES = 15;

export interface AuthOptions {
  db: Database;
  /** Signs session cookies; every instance must share it. */
  secret: string;
  /** Where shoppers reach the app: magic links and redirects are built on it. */
  publicUrl: string;
  /** Origins allowed to post to the auth endpoints (the app's own and CORS_ORIGINS). */
  trustedOrigins: string[];
  production: boolean;
}

/**
 * Identities from better-auth: password and magic-link sign-in, sessions in a signed cookie, and
 * partner API keys (created, hashed and revoked by its api-key plugin; checked per request by
 * auth/api-key-verifier.ts). Passwords are hashed with argon2id off the event loop.
 */
export function createAuth(options: AuthOptions) {
  const { db } = options;
  return betterAuth({
    appName: 'Concert tickets',
    baseURL: options.publicUrl,
    basePath: AUTH_BASE_PATH,
    secret: options.secret,
    trustedOrigins: options.trustedOrigins,
    telemetry: { enabled: false },
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: users, session: sessions, account: accounts, verification: verifications, apikey: apiKeys },
    }),
    user: {
      // Organizers are made by the seed or an operator, never by what a sign-up request says.
      additionalFields: { role: { type: 'string', required: false, defaultValue: 'shopper', input: false } },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 30,
      // No cookie cache: its signed copy of the session kept a copied cookie working for its whole
      // maxAge after sign-out. Sign-out ends a session at once; a signed-in request reads its session
      // by token (one indexed read; partners and guests, the on-sale's traffic, read none).
    },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      password: {
        hash: (password) => hash(password),
        verify: ({ hash: stored, password }) => verify(stored, password),
      },
    },
    advanced: {
      useSecureCookies: options.publicUrl.startsWith('https://'),
      ipAddress: { ipAddressHeaders: ['x-forwarded-for'] },
    },
    rateLimit: { enabled: options.production, window: 60, max: 100 },
    hooks: {
      // Text Postgres cannot store (db/storable-text.ts): a name with U+0000 failed the insert ("Failed to create user").
      before: createAuthMiddleware(async (ctx) => {
        if (hasUnstorableText(ctx.body) || hasUnstorableText(ctx.query)) throw new APIError('BAD_REQUEST', { message: UNSTORABLE_TEXT });
      }),
    },
    plugins: [
      magicLink({
        expiresIn: MAGIC_LINK_MINUTES * 60,
        storeToken: 'hashed',
        sendMagicLink: ({ email, url }) => queueMagicLinkEmail(db, email, url, MAGIC_LINK_MINUTES),
      }),
      apiKey({
        defaultPrefix: API_KEY_PREFIX,
        // Quotas are counted atomically across instances by auth/rate-limiter.ts instead.
        rateLimit: { enabled: false, timeWindow: DEFAULT_KEY_RATE_LIMIT.windowMs, maxRequests: DEFAULT_KEY_RATE_LIMIT.max },
        maximumNameLength: 64,
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
