import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import type { Context } from '../graphql/builder.ts';
import { concerts } from '../db/schema.ts';
import type { Viewer } from './viewer.ts';

/**
 * Concerts belong to the organizer who created them (concerts.organizer_id). An organizer manages,
 * and sees the orders, figures and refund job of, their own concerts only; someone else's answers
 * exactly as a concert that does not exist would (null, NotFoundError, 404), so that its existence
 * does not leak. Published concerts stay public to everyone, organizers included.
 */

/** The signed-in organizer's user id; null for anyone else (shoppers, partners, guests). */
export function organizerIdOf(viewer: Viewer): string | null {
  return viewer.kind === 'user' && viewer.user.role === 'organizer' ? viewer.user.id : null;
}

/** For a concert row already loaded (it carries organizer_id): no query. */
export function ownsConcert(ctx: Pick<Context, 'viewer'>, concert: { organizerId: string | null }) {
  const organizerId = organizerIdOf(ctx.viewer);
  return organizerId !== null && concert.organizerId === organizerId;
}

/**
 * Whether the viewer owns concert `concertId`, for checks that have only its id (mutations). The
 * owners of every concert asked about in one request are read in one query and kept for the rest of
 * it. An owner never changes (nothing transfers a concert), so checking before the change's own
 * transaction cannot be overtaken.
 */
export async function ownsConcertId(ctx: Pick<Context, 'viewer' | 'db' | 'concertOwners'>, concertId: string | null): Promise<boolean> {
  const organizerId = organizerIdOf(ctx.viewer);
  if (organizerId === null || concertId === null) return false;
  ctx.concertOwners ??= new DataLoader(async (ids: readonly string[]) => {
    const rows = await ctx.db.select({ id: concerts.id, organizerId: concerts.organizerId }).from(concerts).where(inArray(concerts.id, [...ids]));
    const owners = new Map(rows.map((row) => [row.id, row.organizerId]));
    return ids.map((id) => owners.get(id) ?? null);
  });
  return (await ctx.concertOwners.load(concertId)) === organizerId;
}
