import { wrapErrorIfMatches } from '@pothos/plugin-errors';
import type { GraphQLResolveInfo } from 'graphql';
import { organizerIdOf } from '../auth/concert-ownership.ts';
import { NotFoundError } from '../booking/errors.ts';
import type { Context } from './builder.ts';
import { databaseIdOf } from './global-id.ts';

/**
 * Field options for an organizer's change to one concert: scope-auth's `organizerOf` scope on the
 * concert's id (read from the field's arguments, or looked up from them, e.g. a tier's concert).
 * Guests, shoppers and partners are refused as before (UNAUTHENTICATED / FORBIDDEN); an organizer
 * who does not own the concert gets the NotFoundError a made-up id gets, so that another
 * organizer's concert cannot be told apart from none.
 */
export function ownConcertOnly<Args extends object>(
  concertIdOf: (args: Args, ctx: Context) => string | null | Promise<string | null>,
  notFound: (args: Args) => NotFoundError,
) {
  return {
    authScopes: async (_root: unknown, args: Args, ctx: Context) => ({ organizerOf: await concertIdOf(args, ctx) }),
    unauthorizedResolver: (_root: unknown, args: Args, ctx: Context, _info: GraphQLResolveInfo, error: Error) => {
      if (organizerIdOf(ctx.viewer) === null) throw error;
      // scope-auth's wrapper runs outside the errors plugin's (it is listed first, so nothing runs
      // before auth), so the error is marked as a member of the field's union here, as that plugin would.
      return wrapErrorIfMatches(notFound(args), [NotFoundError]) as never;
    },
  };
}

/** The usual case: the concert's global id is an argument. */
export const ownConcertArg = <Name extends string>(name: Name) =>
  ownConcertOnly<Record<Name, string | number>>(
    (args) => databaseIdOf(String(args[name]), 'Concert'),
    (args) => new NotFoundError('Concert', String(args[name]), true),
  );
