import { AuthScopeFailureType, type AuthFailure } from '@pothos/plugin-scope-auth';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { Context } from '../graphql/builder.ts';
import { ownsConcertId } from './concert-ownership.ts';
import type { PartnerScope } from './partner-permissions.ts';

/**
 * The scopes fields ask for (`authScopes: { ... }`). A person in a browser (guest or signed in) is
 * a `shopper`; a partner app is `partner` with the scopes its key was given.
 */
export interface AuthScopes {
  shopper: boolean;
  signedIn: boolean;
  /** Signed in with an email address proven by a magic link: their bookings by that email are theirs. */
  verifiedEmail: boolean;
  organizer: boolean;
  /** The signed-in organizer who owns this concert (its database id; null never passes). */
  organizerOf: string | null;
  partner: PartnerScope;
}

/**
 * One request's scopes, made for every request that reaches a scoped field. A class, so that its
 * two scope loaders are shared methods rather than two closures per request (each of which the
 * TypeScript loader also names at runtime; that showed in the booking profile).
 */
class RequestScopes {
  readonly shopper: boolean;
  readonly signedIn: boolean;
  readonly verifiedEmail: boolean;
  readonly organizer: boolean;

  constructor(private readonly ctx: Context) {
    const { viewer } = ctx;
    this.shopper = viewer.kind !== 'partner';
    this.signedIn = viewer.kind === 'user';
    this.verifiedEmail = viewer.kind === 'user' && viewer.user.emailVerified;
    this.organizer = viewer.kind === 'user' && viewer.user.role === 'organizer';
  }

  organizerOf(concertId: string | null) {
    return ownsConcertId(this.ctx, concertId);
  }

  partner(scope: PartnerScope) {
    const { viewer } = this.ctx;
    return viewer.kind === 'partner' && viewer.apiKey.scopes.has(scope);
  }
}

export const authScopesOf = (ctx: Context) => new RequestScopes(ctx);

const describeScope: Record<string, (parameter: unknown) => string> = {
  shopper: () => 'a shopper (no API key)',
  signedIn: () => 'a signed-in user',
  verifiedEmail: () => 'a user signed in with a verified email',
  organizer: () => 'an organizer',
  organizerOf: () => "the concert's organizer",
  partner: (scope) => `an API key with the ${String(scope)} scope`,
};

function requirements(failure: AuthFailure): string[] {
  if (failure.kind === AuthScopeFailureType.AuthScope) return [describeScope[failure.scope]?.(failure.parameter) ?? failure.scope];
  if (failure.kind === AuthScopeFailureType.AnyAuthScopes || failure.kind === AuthScopeFailureType.AllAuthScopes) return failure.failures.flatMap(requirements);
  return [];
}

/** Says what the field needs, so a partner sees which scope its key lacks. */
export function unauthorizedError(_parent: unknown, ctx: Context, info: GraphQLResolveInfo, result: { failure: AuthFailure }) {
  const needs = [...new Set(requirements(result.failure))];
  const field = `${info.parentType.name}.${info.fieldName}`;
  const anonymous = ctx.viewer.kind === 'guest';
  return new GraphQLError(needs.length ? `${field} needs ${needs.join(' or ')}` : `Not allowed: ${field}`, {
    extensions: { code: anonymous ? 'UNAUTHENTICATED' : 'FORBIDDEN', http: { status: anonymous ? 401 : 403 } },
  });
}
