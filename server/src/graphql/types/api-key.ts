import { and, count, desc, eq, sql } from 'drizzle-orm';
import { API_KEY_CHANGES_CHANNEL } from '../../auth/api-key-verifier.ts';
import { DEFAULT_KEY_RATE_LIMIT, permissionsOf, scopesOf, type PartnerScope } from '../../auth/partner-permissions.ts';
import { rateLimited } from '../../auth/viewer.ts';
import { NotFoundError, ValidationError } from '../../booking/errors.ts';
import { apiKeys } from '../../db/auth-schema.ts';
import { builder, type Context } from '../builder.ts';

const MAX_NAME_LENGTH = 64;
const MAX_REQUESTS_PER_MINUTE = 60_000;
// A stolen organizer session must not mint keys without end: so many a minute, so many in use.
const KEY_CREATION_QUOTA = { max: 20, windowMs: 60_000 };
export const MAX_KEYS_IN_USE = 100;

/** What an organizer may see of a key: never the secret, never its hash. */
interface ApiKeyView {
  id: string;
  name: string | null;
  start: string | null;
  scopes: PartnerScope[];
  quota: { max: number; windowMs: number } | null;
  enabled: boolean;
  createdAt: Date;
}

type ApiKeyRow = typeof apiKeys.$inferSelect;

function viewOf(row: Pick<ApiKeyRow, 'id' | 'name' | 'start' | 'permissions' | 'rateLimitEnabled' | 'rateLimitMax' | 'rateLimitTimeWindow' | 'enabled' | 'createdAt'>): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    start: row.start,
    scopes: [...scopesOf(row.permissions ? JSON.parse(row.permissions) : null)],
    quota: row.rateLimitEnabled
      ? { max: row.rateLimitMax ?? DEFAULT_KEY_RATE_LIMIT.max, windowMs: row.rateLimitTimeWindow ?? DEFAULT_KEY_RATE_LIMIT.windowMs }
      : null,
    enabled: row.enabled,
    createdAt: row.createdAt,
  };
}

const PartnerScopeRef = builder.enumType('PartnerScope', {
  description: 'What a partner API key may do.',
  values: {
    CATALOGUE_READ: { value: 'catalogue:read', description: 'Read concerts, tiers and availability.' },
    BOOKINGS_WRITE: { value: 'bookings:write', description: 'Book, hold, pay for and cancel tickets.' },
    BOOKINGS_READ: { value: 'bookings:read', description: "Read the bookings this key made." },
  } as const,
});

const ApiKeyRef = builder.objectRef<ApiKeyView>('ApiKey').implement({
  description: 'A partner API key, as its organizer sees it. The secret itself is shown once, by createApiKey; only its hash is stored.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The id revokeApiKey takes.' }),
    name: t.exposeString('name', { nullable: true }),
    start: t.exposeString('start', { nullable: true, description: 'The first characters of the key, to tell keys apart.' }),
    scopes: t.field({ type: [PartnerScopeRef], resolve: (key) => key.scopes }),
    requestsPerMinute: t.int({
      nullable: true,
      description: 'Its quota, counted across every server instance; null for none.',
      resolve: (key) => (key.quota ? Math.round((key.quota.max * 60_000) / key.quota.windowMs) : null),
    }),
    enabled: t.exposeBoolean('enabled', { description: 'False once revoked: a revoked key is kept (bookings name it) but never works again.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: `1-${MAX_NAME_LENGTH} characters, to recognise the key by.` }),
    scopes: t.field({ type: [PartnerScopeRef], required: true }),
    requestsPerMinute: t.int({
      description: `1-${MAX_REQUESTS_PER_MINUTE.toLocaleString('en')}; default ${(DEFAULT_KEY_RATE_LIMIT.max * 60_000) / DEFAULT_KEY_RATE_LIMIT.windowMs} (${DEFAULT_KEY_RATE_LIMIT.max} per ${DEFAULT_KEY_RATE_LIMIT.windowMs / 1000} s).`,
    }),
  }),
});

const CreateApiKeySuccess = builder.objectRef<{ apiKey: ApiKeyView; secret: string }>('CreateApiKeySuccess').implement({
  fields: (t) => ({
    apiKey: t.field({ type: ApiKeyRef, resolve: (result) => result.apiKey }),
    secret: t.exposeString('secret', { description: 'The key to send as x-api-key. Shown only here: it is stored hashed and cannot be read again.' }),
  }),
});

const RevokeApiKeySuccess = builder.objectRef<{ apiKey: ApiKeyView }>('RevokeApiKeySuccess').implement({
  fields: (t) => ({ apiKey: t.field({ type: ApiKeyRef, resolve: (result) => result.apiKey }) }),
});

function ownerOf(ctx: Context) {
  // authScopes { organizer: true } has already made sure of this.
  if (ctx.viewer.kind !== 'user') throw new Error('not signed in');
  return ctx.viewer.user.id;
}

async function checkKeyAllowance(ctx: Context, owner: string) {
  const verdict = await ctx.rateLimiter.hit(`api-key-creation:${owner}`, KEY_CREATION_QUOTA);
  if (!verdict.allowed) throw rateLimited(verdict.resetMs, `At most ${verdict.limit} API keys may be created a minute`);
  const [{ inUse }] = await ctx.db.select({ inUse: count() }).from(apiKeys).where(and(eq(apiKeys.referenceId, owner), eq(apiKeys.enabled, true)));
  // Counted before the key is made (the auth library writes it on a connection of its own), so
  // creations racing each other may pass this by at most the per-minute quota above.
  if (inUse >= MAX_KEYS_IN_USE) throw new ValidationError(`An organizer may have at most ${MAX_KEYS_IN_USE} API keys in use: revoke one first`, 'name');
}

function quotaOf(requestsPerMinute: number | null | undefined) {
  if (requestsPerMinute == null) return DEFAULT_KEY_RATE_LIMIT;
  if (!Number.isInteger(requestsPerMinute) || requestsPerMinute < 1 || requestsPerMinute > MAX_REQUESTS_PER_MINUTE) {
    throw new ValidationError(`requestsPerMinute must be between 1 and ${MAX_REQUESTS_PER_MINUTE}`, 'requestsPerMinute');
  }
  return { max: requestsPerMinute, windowMs: 60_000 };
}

builder.queryField('apiKeys', (t) =>
  t.field({
    type: [ApiKeyRef],
    description: "The signed-in organizer's partner API keys, newest first, revoked ones included.",
    authScopes: { organizer: true },
    resolve: async (_root, _args, ctx) => {
      const rows = await ctx.db.select().from(apiKeys).where(eq(apiKeys.referenceId, ownerOf(ctx))).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
      return rows.map(viewOf);
    },
  }),
);

builder.mutationField('createApiKey', (t) =>
  t.field({
    type: CreateApiKeySuccess,
    description: `Makes a partner API key owned by the signed-in organizer. Its secret is in this answer only. An organizer may create ${KEY_CREATION_QUOTA.max} keys a minute (RATE_LIMITED) and have ${MAX_KEYS_IN_USE} in use.`,
    authScopes: { organizer: true },
    errors: { types: [ValidationError], directResult: true, union: { name: 'CreateApiKeyResult' } },
    args: { input: t.arg({ type: CreateApiKeyInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const name = input.name.trim();
      if (name.length < 1 || name.length > MAX_NAME_LENGTH) throw new ValidationError(`name must be 1-${MAX_NAME_LENGTH} characters`, 'name');
      const scopes = [...new Set(input.scopes)] as PartnerScope[];
      if (scopes.length === 0) throw new ValidationError('A key needs at least one scope', 'scopes');
      const quota = quotaOf(input.requestsPerMinute);
      await checkKeyAllowance(ctx, ownerOf(ctx));
      // Called without request headers, the plugin takes userId and the server-only fields from the
      // body (a client request may set neither); it generates, hashes and stores the key itself.
      const created = await ctx.auth.api.createApiKey({
        body: {
          name,
          userId: ownerOf(ctx),
          permissions: permissionsOf(scopes),
          // The plugin's own count is off (auth/auth.ts), and it would copy that into the key:
          // the flag is what auth/rate-limiter.ts enforces.
          rateLimitEnabled: true,
          rateLimitMax: quota.max,
          rateLimitTimeWindow: quota.windowMs,
        },
      });
      return {
        secret: created.key,
        apiKey: viewOf({ ...created, permissions: created.permissions ? JSON.stringify(created.permissions) : null }),
      };
    },
  }),
);

builder.mutationField('revokeApiKey', (t) =>
  t.field({
    type: RevokeApiKeySuccess,
    description:
      "Disables one of the signed-in organizer's own keys on every server at once. The key is kept, disabled, because bookings name it. Another organizer's key is a NotFoundError, as is an id that names nothing. Revoking a revoked key changes nothing.",
    authScopes: { organizer: true },
    errors: { types: [NotFoundError], directResult: true, union: { name: 'RevokeApiKeyResult' } },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const id = String(args.id);
      const row = await ctx.db.transaction(async (tx) => {
        const [revoked] = await tx
          .update(apiKeys)
          .set({ enabled: false, updatedAt: new Date() })
          .where(and(eq(apiKeys.id, id), eq(apiKeys.referenceId, ownerOf(ctx))))
          .returning();
        // The hash, never the key: every instance's verifier forgets it when this commits.
        if (revoked) await tx.execute(sql`SELECT pg_notify(${API_KEY_CHANGES_CHANNEL}, ${revoked.key})`);
        return revoked;
      });
      if (!row) throw new NotFoundError('ApiKey', id, true);
      // This instance need not wait for its own NOTIFY to come back.
      ctx.apiKeys.forget(row.key);
      return { apiKey: viewOf(row) };
    },
  }),
);
