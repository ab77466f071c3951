import type { Context } from '../graphql/builder.ts';

/**
 * Organizers see every concert; guests, shoppers and partners only published ones. An unpublished
 * concert is absent for them (concerts, concert, node, availability), exactly as if it did not exist.
 */
export function seesUnpublished(ctx: Pick<Context, 'viewer'>) {
  return ctx.viewer.kind === 'user' && ctx.viewer.user.role === 'organizer';
}
