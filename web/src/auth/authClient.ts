// better-auth's REST endpoints (server/src/auth/auth.ts), called with plain fetch: the app needs
// four POSTs, not a client library. Who is signed in comes from GraphQL's `viewer`, so Apollo's
// cache stays the one place the page reads it from.

const BASE = '/api/auth';

export type AuthFailure =
  /** better-auth refused the request; `code` is its error code (INVALID_EMAIL_OR_PASSWORD, ...). */
  | { kind: 'rejected'; code: string }
  | { kind: 'rateLimited'; retryAfterSeconds: number }
  | { kind: 'network' };

export type AuthResult = { kind: 'ok' } | AuthFailure;

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

async function post(path: string, body: Record<string, unknown>, fetcher: Fetch): Promise<AuthResult> {
  let response: Response;
  try {
    response = await fetcher(`${BASE}${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { kind: 'network' };
  }
  if (response.ok) return { kind: 'ok' };
  if (response.status === 429) {
    const retryAfter = Number(response.headers.get('x-retry-after') ?? response.headers.get('retry-after'));
    return { kind: 'rateLimited', retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 60 };
  }
  const answer = (await response.json().catch(() => null)) as { code?: unknown } | null;
  return { kind: 'rejected', code: typeof answer?.code === 'string' ? answer.code : `HTTP_${response.status}` };
}

/**
 * Emails a one-time sign-in link. Opening it signs the browser in (proving the email, which shows
 * the bookings made with it as a guest) and lands on `next`; a dead link comes back to /signin.
 */
export function requestMagicLink(email: string, next: string, fetcher: Fetch = fetch) {
  const origin = window.location.origin;
  return post('/sign-in/magic-link', { email, callbackURL: `${origin}${next}`, errorCallbackURL: `${origin}/signin?link=failed` }, fetcher);
}

export function signInWithPassword(email: string, password: string, fetcher: Fetch = fetch) {
  return post('/sign-in/email', { email, password }, fetcher);
}

export function signUpWithPassword(email: string, password: string, fetcher: Fetch = fetch) {
  // better-auth requires a name; the shop never shows one, so the address's local part will do.
  return post('/sign-up/email', { email, password, name: email.split('@')[0] ?? email }, fetcher);
}

export function signOut(fetcher: Fetch = fetch) {
  return post('/sign-out', {}, fetcher);
}

/** Only a path on this site: `next` comes from the address bar, and must not send the shopper elsewhere. */
export function safeNextPath(next: string | null, fallback = '/my-bookings'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
