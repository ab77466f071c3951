import { GraphQLError } from 'graphql';
import { ownsConcertId } from '../../auth/concert-ownership.ts';
import { filteredChanges } from '../../events/filtered-changes.ts';
import { builder } from '../builder.ts';
import { databaseIdOf } from '../global-id.ts';
import { MoneyRef } from './money.ts';

export const TicketTierRef = builder.drizzleNode('ticketTiers', {
  name: 'TicketTier',
  description: 'A priced class of tickets (e.g. VIP, Front Row, GA) with a fixed capacity.',
  id: { column: (tier) => tier.id },
  fields: (t) => ({
    name: t.exposeString('name'),
    price: t.field({
      type: MoneyRef,
      select: { columns: { priceCents: true, currency: true } },
      resolve: (tier) => ({ cents: tier.priceCents, currency: tier.currency }),
    }),
    capacity: t.exposeInt('capacity'),
    available: t.exposeInt('available'),
    concert: t.relation('concert'),
  }),
});

builder.queryField('availability', (t) =>
  t.field({
    authScopes: { $any: { shopper: true, partner: 'catalogue:read' } },
    type: [TicketTierRef],
    description: 'Current availability of every tier of one concert, read from the primary.',
    args: { concertId: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const concertId = databaseIdOf(String(args.concertId), 'Concert');
      if (!concertId) return [];
      // Its organizer sees their concert published or not; everyone else only a published one.
      if (await ownsConcertId(ctx, concertId)) return ctx.availability.currentTiers(concertId);
      // Still one read: the tiers of the concert if it is published, none otherwise.
      return ctx.db.query.ticketTiers.findMany({ where: { concertId, concert: { published: true } }, orderBy: { position: 'asc' } });
    },
  }),
);

builder.subscriptionField('availabilityChanged', (t) =>
  t.field({
    authScopes: { $any: { shopper: true, partner: 'catalogue:read' } },
    type: TicketTierRef,
    description:
      'Emits a tier each time its availability changes (after the change commits). Without concertId: every tier of every concert.',
    args: { concertId: t.arg.id() },
    subscribe: (_root, args, ctx) => {
      const concertId = args.concertId == null ? undefined : databaseIdOf(String(args.concertId), 'Concert');
      if (concertId === null) throw new GraphQLError('concertId is not the id of a Concert', { extensions: { code: 'BAD_USER_INPUT' } });
      // An unpublished concert exists for its organizer only: nobody else hears of its tiers' changes.
      // Guests share one execution, so this is one cached lookup per change, not one per subscriber.
      return filteredChanges(
        ctx.availability.changes(concertId),
        async (tier) => (await ctx.tierCatalogue.tiers([tier.id])).get(tier.id)?.published || ownsConcertId(ctx, tier.concertId),
      );
    },
    resolve: (tier) => tier,
  }),
);
