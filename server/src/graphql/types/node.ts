import { resolveNodes } from '@pothos/plugin-relay';
import { and, eq, inArray } from 'drizzle-orm';
import type { GraphQLResolveInfo } from 'graphql';
import { canSeeBooking } from '../../auth/booking-visibility.ts';
import { visibleConcertsSql } from '../../auth/catalogue-visibility.ts';
import { bookings, concerts, ticketTiers } from '../../db/schema.ts';
import { builder, type Context } from '../builder.ts';
import { nodeIdOf, type NodeTypename } from '../global-id.ts';

/** More ids than this in one nodes() call is refused before execution (see http/query-cost.ts). */
export const MAX_NODE_IDS = 100;

const tables = { Concert: concerts, TicketTier: ticketTiers, Booking: bookings } satisfies Record<NodeTypename, unknown>;

/**
 * Relay's own node fields throw for an id that is not one of ours (and the drizzle loader throws
 * for a row that does not exist), so a probe with a made-up id was logged as an unexpected error
 * with its stack. Here such an id is simply null: decoded without throwing, then looked up.
 */
async function loadNodes(ctx: Context, info: GraphQLResolveInfo, globalIds: readonly string[]) {
  const decoded = globalIds.map((globalId) => nodeIdOf(globalId));
  const existing = new Set<string>();
  await Promise.all(
    (Object.keys(tables) as NodeTypename[]).map(async (typename) => {
      const ids = [...new Set(decoded.flatMap((node) => (node?.typename === typename ? [node.id] : [])))];
      if (ids.length === 0) return;
      if (typename === 'Booking') {
        // Someone else's booking is null, exactly like one that does not exist.
        const rows = await ctx.db
          .select({ id: bookings.id, customerEmail: bookings.customerEmail, apiKeyId: bookings.apiKeyId, userId: bookings.userId, concertId: bookings.concertId })
          .from(bookings)
          .where(inArray(bookings.id, ids));
        const visible = await Promise.all(rows.map((row) => canSeeBooking(ctx, row)));
        rows.forEach((row, index) => visible[index] && existing.add(`Booking:${row.id}`));
        return;
      }
      if (ctx.viewer.kind === 'partner' && !ctx.viewer.apiKey.scopes.has('catalogue:read')) return;
      // An unpublished concert, and its tiers, are null for all but its organizer.
      const published = visibleConcertsSql(ctx);
      const rows =
        typename === 'Concert'
          ? await ctx.db.select({ id: concerts.id }).from(concerts).where(and(inArray(concerts.id, ids), published))
          : await ctx.db
              .select({ id: ticketTiers.id })
              .from(ticketTiers)
              .innerJoin(concerts, eq(concerts.id, ticketTiers.concertId))
              .where(and(inArray(ticketTiers.id, ids), published));
      for (const row of rows) existing.add(`${typename}:${row.id}`);
    }),
  );
  return resolveNodes(builder, ctx, info, decoded.map((node) => (node && existing.has(`${node.typename}:${node.id}`) ? node : null)));
}

builder.queryFields((t) => ({
  node: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx, info) => (await loadNodes(ctx, info, [String(args.id)]))[0],
  }),
  nodes: t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    args: { ids: t.arg.idList({ required: true }) },
    resolve: (_root, args, ctx, info) => loadNodes(ctx, info, args.ids.map(String)),
  }),
}));
