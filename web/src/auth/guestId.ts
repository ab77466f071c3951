const KEY = 'encore.guestId';
// What the server accepts in x-guest-id (server/src/auth/viewer.ts).
const VALID = /^[A-Za-z0-9_-]{16,128}$/;

let inMemory: string | null = null;

/**
 * This browser's own random id, sent as x-guest-id so a guest's idempotency keys are scoped to it
 * rather than to its network address (shared by everyone behind the same NAT). Kept in
 * localStorage so a retry after a reload still finds its earlier attempt; a browser that refuses
 * storage gets an id for this page's life.
 */
export function guestId(storage: Pick<Storage, 'getItem' | 'setItem'> | null = safeLocalStorage()): string {
  try {
    const stored = storage?.getItem(KEY);
    if (stored && VALID.test(stored)) return stored;
    const fresh = inMemory ?? crypto.randomUUID();
    storage?.setItem(KEY, fresh);
    inMemory = fresh;
    return fresh;
  } catch {
    inMemory ??= crypto.randomUUID();
    return inMemory;
  }
}

export function safeLocalStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}
