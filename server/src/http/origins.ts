import type { CORSOptions } from 'graphql-yoga';

/** Where `npm run dev` serves the web app; its proxy keeps the browser's Origin. */
export const VITE_DEV_ORIGIN = 'http://localhost:5173';

/** `https://Example.com:443/` → `https://example.com`; null for anything that is not an http(s) origin. */
function normalizeOrigin(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * Which web pages may talk to the API from a browser: the server's own origin and the listed ones.
 * Yoga's default CORS reflects any Origin with credentials, which lets every site read answers in the
 * shopper's name; here other origins get no CORS headers at all. WebSocket upgrades have no CORS, so
 * the same list is checked on the upgrade itself.
 */
export function createOriginPolicy(allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins.map((origin) => normalizeOrigin(origin) ?? origin));
  const isAllowed = (origin: string) => {
    const normalized = normalizeOrigin(origin);
    return normalized !== null && allowed.has(normalized);
  };
  return {
    cors(request: Request): CORSOptions {
      const origin = request.headers.get('origin');
      if (!origin || !isAllowed(origin)) return false;
      return { origin: [origin], credentials: true, methods: ['GET', 'POST'], allowedHeaders: ['content-type', 'x-request-id', 'x-guest-id'] };
    },
    /**
     * A browser always sends Origin on an upgrade; a request without one is not from a web page
     * (a partner's server, a test client) and cannot ride on a shopper's cookies.
     */
    allowsUpgrade(origin: string | undefined, host: string | undefined): boolean {
      if (origin === undefined) return true;
      if (isAllowed(origin)) return true;
      const normalized = normalizeOrigin(origin);
      return normalized !== null && host !== undefined && new URL(normalized).host === host.toLowerCase();
    },
  };
}
