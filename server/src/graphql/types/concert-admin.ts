import { eq } from 'drizzle-orm';
import { organizerIdOf } from '../../auth/concert-ownership.ts';
import { ConcertAlreadyCancelledError, NotFoundError, ValidationError } from '../../booking/errors.ts';
import { changeCatalogue } from '../../catalogue/catalogue-changes.ts';
import { checkSchedule, concertChange, concertInput, parseInput, type ConcertChange } from '../../catalogue/concert-input.ts';
import { checkPostgresKnowsTimeZone } from '../../catalogue/time-zone.ts';
import { concerts, ticketTiers } from '../../db/schema.ts';
import { builder, type Context } from '../builder.ts';
import { databaseIdOf } from '../global-id.ts';
import { ownConcertArg } from '../concert-owner-only.ts';
import { ConcertRef } from './concert.ts';

// The organizer's back office for concerts: create, edit, and open or close sales. Every change is
// announced (catalogue/catalogue-changes.ts), so every instance prices and checks sales windows
// with the new facts at once and open pages re-read the concert. Tiers: tier-admin.ts.

export const TierInput = builder.inputType('TierInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    priceCents: t.int({ required: true, description: 'What new bookings pay; bookings already made keep their price.' }),
    capacity: t.int({ required: true }),
  }),
});

const concertFields = {
  timeZone: { description: 'IANA time zone of the venue, e.g. Europe/Paris.' },
  onSaleAt: { description: 'When holds and bookings open; null: as soon as published.' },
  holdMinutes: { description: 'How long a hold keeps tickets for a shopper who has not paid; default 10.' },
  maxTicketsPerOrder: { description: 'Tickets one order may have over all its tiers; null: only the general limits.' },
  maxTicketsPerCustomer: { description: 'Tickets one customer (by email) may hold or own for this concert; default 8.' },
} as const;

const CreateConcertInput = builder.inputType('CreateConcertInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    venue: t.string({ required: true }),
    timeZone: t.string({ required: true, ...concertFields.timeZone }),
    startsAt: t.field({ type: 'DateTime', required: true }),
    onSaleAt: t.field({ type: 'DateTime', ...concertFields.onSaleAt }),
    holdMinutes: t.int(concertFields.holdMinutes),
    maxTicketsPerOrder: t.int(concertFields.maxTicketsPerOrder),
    maxTicketsPerCustomer: t.int(concertFields.maxTicketsPerCustomer),
    tiers: t.field({ type: [TierInput], required: true, description: 'In display order.' }),
  }),
});

const UpdateConcertInput = builder.inputType('UpdateConcertInput', {
  description: 'Only the fields given change. onSaleAt and maxTicketsPerOrder may be set to null; the others may not.',
  fields: (t) => ({
    name: t.string(),
    venue: t.string(),
    timeZone: t.string(concertFields.timeZone),
    startsAt: t.field({ type: 'DateTime' }),
    onSaleAt: t.field({ type: 'DateTime', ...concertFields.onSaleAt }),
    holdMinutes: t.int(concertFields.holdMinutes),
    maxTicketsPerOrder: t.int(concertFields.maxTicketsPerOrder),
    maxTicketsPerCustomer: t.int(concertFields.maxTicketsPerCustomer),
  }),
});

/** The concert as it is after the change, read in the organizer's own request. */
const ConcertChangeSuccess = builder.objectRef<{ concertId: string }>('ConcertChangeSuccess').implement({
  fields: (t) => ({
    concert: t.drizzleField({
      type: ConcertRef,
      resolve: async (query, result, _args, ctx) => (await ctx.db.query.concerts.findFirst(query({ where: { id: result.concertId } })))!,
    }),
  }),
});

/** Columns from validated input; undefined leaves a column as it is. */
function columnsOf(input: ConcertChange) {
  return {
    name: input.name,
    venue: input.venue,
    timeZone: input.timeZone,
    startsAt: input.startsAt,
    onSaleAt: input.onSaleAt,
    holdSeconds: input.holdMinutes === undefined ? undefined : input.holdMinutes * 60,
    maxTicketsPerOrder: input.maxTicketsPerOrder,
    maxTicketsPerCustomer: input.maxTicketsPerCustomer,
  };
}

/** Null for the fields that cannot be cleared means "leave as is", as GraphQL clients often send every field. */
function withoutNulls<T extends Record<string, unknown>>(input: T, clearable: readonly string[]) {
  return Object.fromEntries(Object.entries(input).filter(([key, value]) => value !== null || clearable.includes(key))) as T;
}

export function concertIdFrom(id: string | number) {
  const concertId = databaseIdOf(String(id), 'Concert');
  if (!concertId) throw new NotFoundError('Concert', String(id), true);
  return concertId;
}

builder.mutationField('createConcert', (t) =>
  t.field({
    type: ConcertChangeSuccess,
    description: 'Creates a concert with its tiers, owned by the signed-in organizer and unpublished: nobody else sees it until publishConcert.',
    authScopes: { organizer: true },
    errors: { types: [ValidationError], directResult: true, union: { name: 'CreateConcertResult' } },
    args: { input: t.arg({ type: CreateConcertInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(concertInput, withoutNulls(args.input, ['onSaleAt', 'maxTicketsPerOrder']));
      checkSchedule({ startsAt: input.startsAt, onSaleAt: input.onSaleAt ?? null }, true);
      await checkPostgresKnowsTimeZone(ctx.db, input.timeZone);
      const [concert] = await ctx.db.transaction(async (tx) => {
        const organizerId = organizerIdOf(ctx.viewer);
        const created = await tx.insert(concerts).values({ ...columnsOf(input), name: input.name, venue: input.venue, timeZone: input.timeZone, startsAt: input.startsAt, published: false, organizerId }).returning({ id: concerts.id });
        await tx.insert(ticketTiers).values(
          // Unpublished, so not selling (catalogue/sales-stop.ts) until publishConcert.
          input.tiers.map((tier, position) => ({ concertId: created[0].id, ...tier, available: tier.capacity, position, salesStopped: true })),
        );
        return created;
      });
      return { concertId: concert.id };
    },
  }),
);

builder.mutationField('updateConcert', (t) =>
  t.field({
    type: ConcertChangeSuccess,
    description: 'Changes the fields given. New sales facts (window, limits, hold time) apply to every instance at once.',
    ...ownConcertArg('id'),
    errors: { types: [ValidationError, NotFoundError, ConcertAlreadyCancelledError], directResult: true, union: { name: 'UpdateConcertResult' } },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateConcertInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const concertId = concertIdFrom(args.id);
      const change = parseInput(concertChange, withoutNulls(args.input, ['onSaleAt', 'maxTicketsPerOrder']));
      await checkPostgresKnowsTimeZone(ctx.db, change.timeZone);
      await changeCatalogue(ctx, concertId, async (tx, current) => {
        const onSaleAt = change.onSaleAt === undefined ? current.onSaleAt : change.onSaleAt;
        checkSchedule({ startsAt: change.startsAt ?? current.startsAt, onSaleAt }, change.startsAt !== undefined);
        // An input of nulls only (clients often send every field) changes nothing, and is no error.
        const columns = columnsOf(change);
        if (Object.values(columns).some((value) => value !== undefined)) await tx.update(concerts).set(columns).where(eq(concerts.id, concertId));
      });
      return { concertId };
    },
  }),
);

/** pauseSales, resumeSales, publishConcert, unpublishConcert: one switch each, idempotent. */
function concertSwitch(name: string, description: string, set: { salesPaused: boolean } | { published: boolean }) {
  builder.mutationField(name, (t) =>
    t.field({
      type: ConcertChangeSuccess,
      description,
      ...ownConcertArg('concertId'),
      errors: { types: [NotFoundError, ConcertAlreadyCancelledError], directResult: true, union: { name: `${name[0].toUpperCase()}${name.slice(1)}Result` } },
      args: { concertId: t.arg.id({ required: true }) },
      resolve: async (_root, args, ctx: Context) => {
        const concertId = concertIdFrom(args.concertId);
        await changeCatalogue(ctx, concertId, async (tx) => {
          await tx.update(concerts).set(set).where(eq(concerts.id, concertId));
        });
        return { concertId };
      },
    }),
  );
}

concertSwitch('pauseSales', 'Stops holds and bookings on every instance at once (NotOnSaleError, reason PAUSED); holds already made stay until paid or expired. Subscribers of the concert hear of it.', { salesPaused: true });
concertSwitch('resumeSales', 'Opens holds and bookings again (within the sales window). Subscribers of the concert hear of it.', { salesPaused: false });
concertSwitch('publishConcert', 'Makes the concert visible to guests, shoppers and partners, and bookable within its sales window.', { published: true });
concertSwitch('unpublishConcert', 'Hides the concert from all but organizers; nobody can hold or book it. Bookings already made stay.', { published: false });
