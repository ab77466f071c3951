import { visibleConcerts } from '../../auth/catalogue-visibility.ts';
import { organizerIdOf } from '../../auth/concert-ownership.ts';
import { salesStatusOf } from '../../catalogue/sales-window.ts';
import { builder } from '../builder.ts';
import { databaseIdOf } from '../global-id.ts';
import { checkTimeAndIdCursors } from '../page-cursor.ts';

const SalesStatusRef = builder.enumType('SalesStatus', {
  description: 'Whether shoppers can hold tickets of a concert now, and if not, why.',
  values: {
    ON_SALE: { description: 'Holds and bookings are open.' },
    NOT_YET_ON_SALE: { description: 'Sales open at onSaleAt.' },
    PAUSED: { description: 'An organizer paused sales; they may resume at any time.' },
    ENDED: { description: 'The concert has started.' },
    CANCELLED: { description: 'An organizer cancelled the concert; its bookings are cancelled and refunded.' },
    SOLD_OUT: { description: 'On sale, but every tier is at 0 (holds that run out give tickets back).' },
  } as const,
});


export const ConcertRef = builder.drizzleNode('concerts', {
  name: 'Concert',
  id: { column: (concert) => concert.id },
  fields: (t) => ({
    name: t.exposeString('name'),
    venue: t.exposeString('venue'),
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    timeZone: t.exposeString('timeZone', {
      description: 'IANA time zone of the venue, e.g. America/New_York: show startsAt in it.',
    }),
    tiers: t.relation('tiers', { query: { orderBy: { position: 'asc', id: 'asc' } } }),
    onSaleAt: t.expose('onSaleAt', { type: 'DateTime', nullable: true, description: 'When holds and bookings open; null: on sale now.' }),
    salesStatus: t.field({
      type: SalesStatusRef,
      description: 'Changes are pushed to availabilityChanged subscribers of the concert (pause, resume, tier changes), so a page re-reads it there.',
      select: { columns: { startsAt: true, onSaleAt: true, salesPaused: true, cancelledAt: true }, with: { tiers: { columns: { available: true } } } },
      resolve: (concert) => salesStatusOf(concert, concert.tiers),
    }),
    maxTicketsPerOrder: t.exposeInt('maxTicketsPerOrder', { nullable: true, description: 'Tickets one order may have over all its tiers; null: only the general limits.' }),
    maxTicketsPerCustomer: t.exposeInt('maxTicketsPerCustomer', { description: 'Tickets one shopper (by email) may hold or own of this concert, over all their orders.' }),
    holdMinutes: t.int({
      description: 'How long holdTickets keeps tickets for a shopper who has not paid yet.',
      select: { columns: { holdSeconds: true } },
      resolve: (concert) => Math.round(concert.holdSeconds / 60),
    }),
    published: t.exposeBoolean('published', { authScopes: { organizer: true }, description: 'Unpublished concerts are seen by organizers only.' }),
  }),
});

builder.queryFields((t) => ({
  concerts: t.drizzleConnection(
    {
      type: 'concerts',
      description: 'Every published concert (organizers: and their own unpublished ones), soonest first.',
      authScopes: { $any: { shopper: true, partner: 'catalogue:read' } },
      args: {
        mine: t.arg.boolean({ description: "Only the signed-in organizer's own concerts, published or not (their back office); none for anyone else." }),
      },
      resolve: (query, _root, args, ctx) => {
        checkTimeAndIdCursors(args);
        const organizerId = organizerIdOf(ctx.viewer);
        if (args.mine && organizerId === null) return [];
        const where = args.mine ? { organizerId: organizerId! } : visibleConcerts(ctx);
        return (ctx.replica?.() ?? ctx.db).query.concerts.findMany(query({ where, orderBy: { startsAt: 'asc', id: 'asc' } }));
      },
    },
    { name: 'ConcertConnection' },
    { name: 'ConcertEdge' },
  ),
  concert: t.drizzleField({
    type: 'concerts',
    nullable: true,
    authScopes: { $any: { shopper: true, partner: 'catalogue:read' } },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = databaseIdOf(String(args.id), 'Concert');
      return id ? (ctx.replica?.() ?? ctx.db).query.concerts.findFirst(query({ where: { id, ...visibleConcerts(ctx) } })) : null;
    },
  }),
}));
