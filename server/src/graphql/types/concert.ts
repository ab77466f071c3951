import { builder } from '../builder.ts';
import { databaseIdOf } from '../global-id.ts';

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
  }),
});

builder.queryFields((t) => ({
  concerts: t.drizzleConnection(
    {
      type: 'concerts',
      description: 'Every concert, soonest first.',
      authScopes: { $any: { shopper: true, partner: 'catalogue:read' } },
      resolve: (query, _root, _args, ctx) =>
        (ctx.replica?.() ?? ctx.db).query.concerts.findMany(query({ orderBy: { startsAt: 'asc', id: 'asc' } })),
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
      return id ? (ctx.replica?.() ?? ctx.db).query.concerts.findFirst(query({ where: { id } })) : null;
    },
  }),
}));
