import { GraphQLError } from 'graphql';
import type { UserRole } from '../db/auth-schema.ts';
import type { Auth } from './auth.ts';
import type { ApiKeyVerifier, VerifiedApiKey } from './api-key-verifier.ts';
import type { Quota, RateLimiter, RateLimitVerdict } from './rate-limiter.ts';

export interface SignedInUser {
  id: string;
  /** The session this request was signed in with (a WebSocket is closed when it ends: http/session-sockets.ts). */
  sessionId: string;
  email: string;
  emailVerified: boolean;
  role: UserRole;
}

/** Who is asking: a partner app by its API key, a signed-in person, or an anonymous guest. */
export type Viewer = { kind: 'partner'; apiKey: VerifiedApiKey } | { kind: 'user'; user: SignedInUser } | { kind: 'guest' };

export interface RequestIdentity {
  viewer: Viewer;
  /** For per-client limits: the peer's address, or X-Forwarded-For's last hop when behind a trusted proxy. */
  clientAddress: string;
  /** A guest client's own random id (x-guest-id): its idempotency keys are its own. */
  guestId: string | null;
}

export const API_KEY_HEADER = 'x-api-key';
export const GUEST_ID_HEADER = 'x-guest-id';
const GUEST_ID = /^[A-Za-z0-9_-]{16,128}$/;
// better-auth's cookie names, with the __Secure- prefix on https.
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_(?:token|data)=/;

export interface IdentifyOptions {
  auth: Auth;
  apiKeys: ApiKeyVerifier;
  rateLimiter: RateLimiter;
  /** Believe X-Forwarded-For (set when a load balancer in front of us writes it). */
  trustProxy: boolean;
}

/** A request as both transports can describe it: Node's (HTTP, the WebSocket upgrade) or Fetch's (yoga.fetch). */
export interface RequestSource {
  header(name: string): string | undefined;
  remoteAddress: string | undefined;
}

type InitialContext = {
  req?: { headers: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string } };
  request?: { headers: Headers };
};

/** Classes rather than closures: a request is described once per request, on the hot path. */
class NodeRequestSource implements RequestSource {
  constructor(private readonly req: NonNullable<InitialContext['req']>) {}

  header(name: string) {
    const value = this.req.headers[name];
    return Array.isArray(value) ? value[0] : value;
  }

  get remoteAddress() {
    return this.req.socket?.remoteAddress;
  }
}

class FetchRequestSource implements RequestSource {
  readonly remoteAddress = undefined;

  constructor(private readonly headers: Headers | undefined) {}

  header(name: string) {
    return this.headers?.get(name) ?? undefined;
  }
}

export function requestSourceOf(initial: InitialContext): RequestSource {
  return initial.req ? new NodeRequestSource(initial.req) : new FetchRequestSource(initial.request?.headers);
}

/**
 * Works out who sent a request, from the Node request (HTTP and the WebSocket upgrade alike). A
 * request with an API key is the partner's or it is refused: a typo in a key must not quietly run
 * as a guest. Every partner request counts against its key's quota.
 */
export function identify(request: RequestSource, options: IdentifyOptions): RequestIdentity | Promise<RequestIdentity> {
  const clientAddress = addressOf(request, options.trustProxy);
  const guestHeader = request.header(GUEST_ID_HEADER);
  const guestId = guestHeader && GUEST_ID.test(guestHeader) ? guestHeader : null;
  const plainKey = request.header(API_KEY_HEADER);
  if (plainKey !== undefined) return identifyPartner(plainKey, clientAddress, options);
  const cookie = request.header('cookie');
  if (cookie && SESSION_COOKIE.test(cookie)) return identifyUser(cookie, clientAddress, guestId, options);
  return { viewer: GUEST, clientAddress, guestId };
}

const GUEST: Viewer = { kind: 'guest' };

// A busy partner's requests are answered from the key cache and the quota allowance: no promise,
// no round trip. Only a cache miss or a quota count waits.
function identifyPartner(plainKey: string, clientAddress: string, options: IdentifyOptions): RequestIdentity | Promise<RequestIdentity> {
  const apiKey = plainKey.length <= 256 ? options.apiKeys.verify(plainKey) : null;
  return apiKey instanceof Promise ? apiKey.then((key) => admitPartner(key, clientAddress, options)) : admitPartner(apiKey, clientAddress, options);
}

function admitPartner(apiKey: VerifiedApiKey | null, clientAddress: string, options: IdentifyOptions): RequestIdentity | Promise<RequestIdentity> {
  if (!apiKey) {
    throw new GraphQLError('Unknown, revoked or expired API key', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  }
  const identity: RequestIdentity = { viewer: { kind: 'partner', apiKey }, clientAddress, guestId: null };
  const quota = apiKey.rateLimit;
  if (!quota) return identity;
  // No named closure per request here: the TypeScript loader names each one at runtime, at a cost
  // that showed in the booking profile.
  const verdict = options.rateLimiter.hit(`key:${apiKey.id}`, quota);
  return verdict instanceof Promise ? verdict.then((counted) => withinQuota(identity, quota, counted)) : withinQuota(identity, quota, verdict);
}

function withinQuota(identity: RequestIdentity, quota: Quota, verdict: RateLimitVerdict): RequestIdentity {
  if (!verdict.allowed) throw rateLimited(verdict.resetMs, `This API key's quota of ${verdict.limit} requests per ${quota.windowMs / 1000} s is used up`);
  return identity;
}

async function identifyUser(cookie: string, clientAddress: string, guestId: string | null, options: IdentifyOptions): Promise<RequestIdentity> {
  // An expired or forged session is simply a guest: the cookie is the browser's, not a claim.
  const session = await options.auth.api.getSession({ headers: new Headers({ cookie }) }).catch(() => null);
  if (!session) return { viewer: GUEST, clientAddress, guestId };
  const { id, email, emailVerified, role } = session.user as typeof session.user & { role?: UserRole };
  const user: SignedInUser = { id, sessionId: session.session.id, email, emailVerified, role: role === 'organizer' ? 'organizer' : 'shopper' };
  return { viewer: { kind: 'user', user }, clientAddress, guestId };
}

const personalActions = { holds: 'holds', joins: 'waiting-room joins' } as const;

/**
 * Spends one of a person's holds or waiting-room joins: counted per account when signed in, per
 * address as a guest. Partners spend nothing here: their key's quota counts every request they make.
 */
export async function spendPersonalQuota(
  { viewer, clientAddress, rateLimiter }: Pick<RequestIdentity, 'viewer' | 'clientAddress'> & { rateLimiter: RateLimiter },
  action: keyof typeof personalActions,
  quota: Quota,
) {
  if (viewer.kind === 'partner') return;
  const caller = viewer.kind === 'user' ? `user:${viewer.user.id}` : `address:${clientAddress}`;
  const verdict = await rateLimiter.hit(`${action}:${caller}`, quota);
  if (!verdict.allowed) {
    const window = quota.windowMs === 60_000 ? 'a minute' : `per ${quota.windowMs / 1000} s`;
    throw rateLimited(verdict.resetMs, `Too many ${personalActions[action]} from this ${viewer.kind === 'user' ? 'account' : 'address'} (at most ${verdict.limit} ${window})`);
  }
}

export function rateLimited(resetMs: number, message: string) {
  const retryAfterSeconds = Math.max(1, Math.ceil(resetMs / 1000));
  return new GraphQLError(`${message}; retry after ${retryAfterSeconds} s`, {
    extensions: { code: 'RATE_LIMITED', retryAfterSeconds, http: { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } } },
  });
}

/** The client's address: the peer's, or the last X-Forwarded-For hop (our balancer's) when trusted. */
export function addressOf(request: RequestSource, trustProxy: boolean) {
  if (trustProxy) {
    const forwarded = request.header('x-forwarded-for');
    // The last hop is the one our own proxy added; earlier ones are whatever the client claimed.
    const hops = forwarded?.split(',').map((hop) => hop.trim()).filter(Boolean);
    if (hops?.length) return hops[hops.length - 1];
  }
  return request.remoteAddress ?? 'unknown';
}
