import { defaultKeyHasher } from '@better-auth/api-key';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { apiKeys } from '../db/auth-schema.ts';
import type { PostgresListener } from '../events/postgres-listener.ts';
import { DEFAULT_KEY_RATE_LIMIT, scopesOf, type PartnerScope } from './partner-permissions.ts';

export interface VerifiedApiKey {
  id: string;
  /** The organizer who created it. */
  ownerId: string;
  name: string | null;
  scopes: ReadonlySet<PartnerScope>;
  rateLimit: { max: number; windowMs: number } | null;
  expiresAt: Date | null;
}

/** Revocations are announced here (by hash), so every instance forgets the key at once. */
export const API_KEY_CHANGES_CHANNEL = 'api_key_changes';

const MAX_CACHED = 10_000;
// Without a NOTIFY (a listener reconnecting), a revoked key still stops working within this time.
const CACHE_MS = 30_000;
// Unknown keys are remembered briefly too, so spraying made-up keys costs a read each only once.
const UNKNOWN_CACHE_MS = 5_000;

interface CacheEntry {
  key: VerifiedApiKey | null;
  hash: string;
  until: number;
}

/**
 * Checks the x-api-key of every partner request without a database read per request: keys are
 * looked up by their SHA-256 (the api-key plugin's own hasher) and remembered per process. The
 * plugin's verifyApiKey would read and update the key's row on every call.
 */
export class ApiKeyVerifier {
  private readonly cache = new Map<string, CacheEntry>();
  // Bumped by every forget: a key read while a revocation came in is not cached from that read.
  private generation = 0;

  constructor(
    private readonly db: Database,
    listener: PostgresListener,
  ) {
    listener.subscribe(API_KEY_CHANGES_CHANNEL, () => ({
      notification: (hash: string) => this.forget(hash),
      resync: () => {
        this.generation += 1;
        this.cache.clear();
      },
    }));
  }

  /** At once from the cache (most requests), or after reading the key. */
  verify(plainKey: string): VerifiedApiKey | null | Promise<VerifiedApiKey | null> {
    const now = Date.now();
    const cached = this.cache.get(plainKey);
    if (cached && cached.until > now) return usable(cached.key, now);
    return this.load(plainKey, now);
  }

  private async load(plainKey: string, now: number): Promise<VerifiedApiKey | null> {
    const generation = this.generation;
    const hash = await defaultKeyHasher(plainKey);
    const [row] = await this.db.select().from(apiKeys).where(eq(apiKeys.key, hash));
    const key: VerifiedApiKey | null =
      row && row.enabled
        ? {
            id: row.id,
            ownerId: row.referenceId,
            name: row.name,
            scopes: scopesOf(row.permissions ? JSON.parse(row.permissions) : null),
            rateLimit: row.rateLimitEnabled
              ? { max: row.rateLimitMax ?? DEFAULT_KEY_RATE_LIMIT.max, windowMs: row.rateLimitTimeWindow ?? DEFAULT_KEY_RATE_LIMIT.windowMs }
              : null,
            expiresAt: row.expiresAt,
          }
        : null;
    if (generation === this.generation) {
      if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(plainKey, { key, hash, until: now + (key ? CACHE_MS : UNKNOWN_CACHE_MS) });
    }
    return usable(key, now);
  }

  /** Forget a key by its stored hash (revoked or changed here or on another instance). */
  forget(hash: string) {
    this.generation += 1;
    for (const [plain, entry] of this.cache) if (entry.hash === hash) this.cache.delete(plain);
  }
}

function usable(key: VerifiedApiKey | null, now: number) {
  return key && (!key.expiresAt || key.expiresAt.getTime() > now) ? key : null;
}
