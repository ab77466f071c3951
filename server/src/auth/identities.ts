import type { IncomingMessage, ServerResponse } from 'node:http';
import { toNodeHandler } from 'better-auth/node';
import type { Database, DatabaseConnection } from '../db/client.ts';
import type { PostgresListener } from '../events/postgres-listener.ts';
import type { Context } from '../graphql/builder.ts';
import { AdmissionTokens } from '../waiting-room/admission-token.ts';
import { ApiKeyVerifier } from './api-key-verifier.ts';
import { createAuth } from './auth.ts';
import { BookingAccess, BookingLinks } from './booking-access.ts';
import { RateLimiter } from './rate-limiter.ts';
import { addressOf, identify, requestSourceOf } from './viewer.ts';

// Fine for development and tests; production refuses to start without a real one.
const DEVELOPMENT_AUTH_SECRET = 'development-only-auth-secret-do-not-use-in-production';

export interface IdentitiesOptions {
  db: Database;
  run: DatabaseConnection['run'];
  listener: PostgresListener;
  publicUrl: string;
  corsOrigins: string[];
  production: boolean;
  authSecret?: string;
  trustProxy: boolean;
}

/**
 * Everything that tells who a request is from, built once per process: better-auth, the key cache,
 * the quota counter, booking links, and the one `identify` that GraphQL (HTTP and graphql-ws) and
 * the other routes share.
 */
export function createIdentities(options: IdentitiesOptions) {
  const { db, publicUrl, production, trustProxy } = options;
  if (production && !options.authSecret) throw new Error('authSecret is required in production');
  const secret = options.authSecret ?? DEVELOPMENT_AUTH_SECRET;
  const origins = new Set([...loopbackAliases(new URL(publicUrl)), ...options.corsOrigins]);
  const auth = createAuth({ db, secret, publicUrl, trustedOrigins: [...origins], production });
  const apiKeys = new ApiKeyVerifier(db, options.listener);
  const rateLimiter = new RateLimiter(options.run);
  const bookingAccess = new BookingAccess(secret);
  const identifyOptions = { auth, apiKeys, rateLimiter, trustProxy };
  const authHandler = toNodeHandler(auth);

  return {
    auth,
    rateLimiter,
    /** The per-process services the GraphQL context carries for identities. */
    services: { auth, apiKeys, rateLimiter, bookingAccess, bookingLinks: new BookingLinks(publicUrl, bookingAccess), admissionTokens: new AdmissionTokens(secret) },
    identify: (initial: Parameters<typeof requestSourceOf>[0]) => identify(requestSourceOf(initial), identifyOptions),
    identifyRequest: (req: IncomingMessage) => identify(requestSourceOf({ req }), identifyOptions),
    /** better-auth's endpoints under /api/auth, behind our own rules for writes. */
    handleAuthRequest(req: IncomingMessage, res: ServerResponse) {
      // better-auth limits sign-in attempts per address, read from this header: without a trusted
      // proxy it would be absent (every client in one bucket) or whatever the client claimed.
      req.headers['x-forwarded-for'] = addressOf(requestSourceOf({ req }), trustProxy);
      // better-auth checks Origin only when cookies come along; a page elsewhere could still sign a
      // visitor into the attacker's account (login CSRF) with a form. Writes come as JSON from our
      // own origins only, like GraphQL's.
      if (req.method === 'POST') {
        const origin = req.headers.origin;
        const json = (req.headers['content-type'] ?? '').split(';')[0].trim() === 'application/json';
        if (!json) return void res.writeHead(415, { 'content-type': 'application/json' }).end('{"message":"Send JSON"}');
        if (origin && !origins.has(origin)) return void res.writeHead(403, { 'content-type': 'application/json' }).end('{"message":"Origin not allowed"}');
      }
      return void authHandler(req, res);
    },
  };
}

/** Who a shared subscription execution is for: guests share one; anyone else may be allowed more. */
export function viewerKeyOf(ctx: Context) {
  const { viewer } = ctx;
  if (viewer.kind === 'partner') return `key:${viewer.apiKey.id}`;
  if (viewer.kind === 'user') return `user:${viewer.user.id}`;
  return 'guest';
}

/** A guest's client (its x-guest-id, else its address), for results shared among guests; null for anyone else. */
export function guestClientOf(ctx: Context) {
  return ctx.viewer.kind === 'guest' ? (ctx.guestId ?? ctx.clientAddress) : null;
}

/** The server's own origin; on this machine both loopback names, which browsers treat as different origins. */
function loopbackAliases(url: URL) {
  if (url.hostname !== 'localhost' && url.hostname !== '127.0.0.1') return [url.origin];
  const port = url.port ? `:${url.port}` : '';
  return [`${url.protocol}//localhost${port}`, `${url.protocol}//127.0.0.1${port}`];
}
