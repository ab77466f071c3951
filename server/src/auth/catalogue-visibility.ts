import { eq, or, type SQL } from 'drizzle-orm';
import { concerts } from '../db/schema.ts';
import type { Context } from '../graphql/builder.ts';
import { organizerIdOf } from './concert-ownership.ts';

/**
 * Everyone sees published concerts; an organizer also sees their own unpublished ones. Anyone
 * else's unpublished concert is absent (concerts, concert, node, availability), exactly as if it
 * did not exist: another organizer's included (auth/concert-ownership.ts).
 */
export function visibleConcerts(ctx: Pick<Context, 'viewer'>) {
  const organizerId = organizerIdOf(ctx.viewer);
  return organizerId === null ? { published: true } : { OR: [{ published: true }, { organizerId }] };
}

/** The same rule as an SQL condition on the concerts table. */
export function visibleConcertsSql(ctx: Pick<Context, 'viewer'>): SQL | undefined {
  const organizerId = organizerIdOf(ctx.viewer);
  return organizerId === null ? eq(concerts.published, true) : or(eq(concerts.published, true), eq(concerts.organizerId, organizerId));
}
