import { eq, sql } from 'drizzle-orm';
import { CapacityBelowSoldError, ConcertAlreadyCancelledError, NotFoundError, ValidationError } from '../../booking/errors.ts';
import { changeCatalogue } from '../../catalogue/catalogue-changes.ts';
import { changeTier } from '../../catalogue/change-tier.ts';
import { MAX_TIERS_PER_CONCERT, parseInput, tierChange, tierInput } from '../../catalogue/concert-input.ts';
import { ticketTiers } from '../../db/schema.ts';
import { builder } from '../builder.ts';
import { databaseIdOf } from '../global-id.ts';
import { ErrorInterface } from './booking-errors.ts';
import { ownConcertArg, ownConcertOnly } from '../concert-owner-only.ts';
import { concertIdFrom, TierInput } from './concert-admin.ts';
import { TicketTierRef } from './ticket-tier.ts';

// The organizer's changes to tiers. A tier's change reaches every instance's tier catalogue and the
// concert's availability subscribers when it commits (catalogue/catalogue-changes.ts).

builder.objectType(CapacityBelowSoldError, {
  name: 'CapacityBelowSoldError',
  description: 'A capacity below the tickets the tier has sold and holds (available would be negative); nothing changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    sold: t.exposeInt('sold', { description: 'Tickets of confirmed bookings.' }),
    held: t.exposeInt('held', { description: 'Tickets of holds not given back yet.' }),
    requested: t.exposeInt('requested', { description: 'The capacity asked for.' }),
  }),
});

const UpdateTierInput = builder.inputType('UpdateTierInput', {
  description: 'Only the fields given change (null leaves a field as it is).',
  fields: (t) => ({
    name: t.string(),
    priceCents: t.int({ description: 'What new bookings pay; bookings already made keep their price.' }),
    capacity: t.int({ description: 'May go down as far as the tickets sold and held, never below.' }),
  }),
});

const TierChangeSuccess = builder.objectRef<{ tierId: string }>('TierChangeSuccess').implement({
  fields: (t) => ({
    tier: t.drizzleField({
      type: TicketTierRef,
      resolve: async (query, result, _args, ctx) => (await ctx.db.query.ticketTiers.findFirst(query({ where: { id: result.tierId } })))!,
    }),
  }),
});

const present = <T extends Record<string, unknown>>(input: T) =>
  Object.fromEntries(Object.entries(input).filter(([, value]) => value != null)) as { [K in keyof T]?: NonNullable<T[K]> };

builder.mutationField('addTier', (t) =>
  t.field({
    type: TierChangeSuccess,
    description: 'Adds a tier after the concert\'s others, all of its capacity available.',
    ...ownConcertArg('concertId'),
    errors: { types: [ValidationError, NotFoundError, ConcertAlreadyCancelledError], directResult: true, union: { name: 'AddTierResult' } },
    args: { concertId: t.arg.id({ required: true }), input: t.arg({ type: TierInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const concertId = concertIdFrom(args.concertId);
      const tier = parseInput(tierInput, args.input);
      const tierId = await changeCatalogue(ctx, concertId, async (tx) => {
        // changeCatalogue's lock of the concert puts concurrent addTier calls in a row, so positions and the count hold.
        const [{ tiers, next }] = await tx
          .select({ tiers: sql<number>`count(*)::int`, next: sql<number>`coalesce(max(${ticketTiers.position}) + 1, 0)::int` })
          .from(ticketTiers)
          .where(eq(ticketTiers.concertId, concertId));
        if (tiers >= MAX_TIERS_PER_CONCERT) throw new ValidationError(`At most ${MAX_TIERS_PER_CONCERT} tiers per concert`, 'concertId');
        const [created] = await tx.insert(ticketTiers).values({ concertId, ...tier, available: tier.capacity, position: next }).returning({ id: ticketTiers.id });
        return created.id;
      });
      return { tierId };
    },
  }),
);

builder.mutationField('updateTier', (t) =>
  t.field({
    type: TierChangeSuccess,
    description:
      'Renames, reprices or resizes a tier, atomically under its row lock. A new price applies to new bookings only. Capacity may go down as far as the tickets sold and held (CapacityBelowSoldError below that). Every instance prices with the change at once, and subscribers of the concert hear of it.',
    // The tier's concert's organizer; another organizer's tier is a NotFoundError like a made-up id.
    ...ownConcertOnly<{ id: string | number }>(
      async (args, ctx) => {
        const tierId = databaseIdOf(String(args.id), 'TicketTier');
        if (!tierId) return null;
        const [tier] = await ctx.db.select({ concertId: ticketTiers.concertId }).from(ticketTiers).where(eq(ticketTiers.id, tierId));
        return tier?.concertId ?? null;
      },
      (args) => new NotFoundError('TicketTier', String(args.id), true),
    ),
    errors: { types: [CapacityBelowSoldError, ValidationError, NotFoundError, ConcertAlreadyCancelledError], directResult: true, union: { name: 'UpdateTierResult' } },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateTierInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const tierId = databaseIdOf(String(args.id), 'TicketTier');
      if (!tierId) throw new NotFoundError('TicketTier', String(args.id), true);
      const change = parseInput(tierChange, present(args.input));
      // The tier's concert is needed to announce the change before its row is locked; a tier never moves.
      const [tier] = await ctx.db.select({ concertId: ticketTiers.concertId }).from(ticketTiers).where(eq(ticketTiers.id, tierId));
      if (!tier) throw new NotFoundError('TicketTier', tierId);
      await changeCatalogue(ctx, tier.concertId, async (tx) => {
        if (!(await changeTier(tx, tierId, change))) throw new NotFoundError('TicketTier', tierId);
      });
      return { tierId };
    },
  }),
);
