import { eq, sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import type { SalesBucket, SalesPoint, TierFigures } from '../../analytics/sales-figures.ts';
import { ownsConcert } from '../../auth/concert-ownership.ts';
import { createSalesReport, type SalesReport } from '../../analytics/sales-report.ts';
import { concerts, ticketTiers } from '../../db/schema.ts';
import { builder, type Context } from '../builder.ts';
import { databaseIdOf } from '../global-id.ts';
import { MoneyTotalRef } from './money.ts';
import { TicketTierRef } from './ticket-tier.ts';

/** MINUTE buckets answer at most a day: a longer series is unreadable and costs a row per minute. */
const MAX_MINUTE_RANGE_MS = 24 * 3_600_000;

const SalesBucketRef = builder.enumType('SalesBucket', {
  description: 'Time buckets of overTime. HOUR and DAY start at the hour and midnight in the venue\'s time zone (Concert.timeZone).',
  values: ['MINUTE', 'HOUR', 'DAY'] as const,
});

const SalesPointRef = builder.objectRef<SalesPoint & { currency: string }>('SalesPoint').implement({
  description: 'Confirmed sales of the bookings made in one bucket.',
  fields: (t) => ({
    start: t.field({ type: 'DateTime', resolve: (point) => point.start }),
    tickets: t.exposeInt('tickets', { description: 'Tickets of bookings made in this bucket that are confirmed now.' }),
    revenue: t.field({ type: MoneyTotalRef, description: 'Totals of those confirmed bookings.', resolve: (point) => ({ cents: point.cents, currency: point.currency }) }),
  }),
});

type TierSales = TierFigures & { tier: typeof ticketTiers.$inferSelect };

const TierSalesRef = builder.objectRef<TierSales>('TierSales').implement({
  description: 'One tier\'s sales among the bookings made in the range.',
  fields: (t) => ({
    tier: t.field({ type: TicketTierRef, resolve: (row) => row.tier }),
    ticketsSold: t.exposeInt('confirmedTickets', { description: 'Tickets of this tier in bookings that are confirmed now.' }),
    revenue: t.field({ type: MoneyTotalRef, description: 'ticketsSold at the unit prices they were booked at.', resolve: (row) => ({ cents: row.confirmedCents, currency: row.currency }) }),
    capacity: t.exposeInt('capacity', { description: 'The tier\'s capacity now.' }),
    held: t.exposeInt('heldTickets', { description: 'Tickets of this tier in holds not paid yet (PENDING bookings).' }),
    sellThrough: t.float({ description: 'ticketsSold ÷ capacity (0 for a tier of no capacity).', resolve: (row) => (row.capacity > 0 ? row.confirmedTickets / row.capacity : 0) }),
  }),
});

const TicketsByStatusRef = builder.objectRef<TierFigures[]>('TicketsByStatus').implement({
  description: 'Tickets of the range\'s bookings by the booking\'s status now.',
  fields: (t) => {
    const sum = (pick: (tier: TierFigures) => number) => (tiers: TierFigures[]) => tiers.reduce((total, tier) => total + pick(tier), 0);
    return {
      held: t.int({ description: 'In holds not paid yet (PENDING).', resolve: sum((tier) => tier.heldTickets) }),
      confirmed: t.int({ description: 'In confirmed bookings.', resolve: sum((tier) => tier.confirmedTickets) }),
      expired: t.int({ description: 'In holds that ran out unpaid (EXPIRED).', resolve: sum((tier) => tier.expiredTickets) }),
      cancelled: t.int({ description: 'In holds released or bookings cancelled (CANCELLED).', resolve: sum((tier) => tier.cancelledTickets) }),
    };
  },
});

const SalesTotalsRef = builder.objectRef<SalesReport>('SalesTotals').implement({
  fields: (t) => ({
    tickets: t.int({ description: 'Tickets in confirmed bookings.', resolve: async (report) => (await report.tiers()).reduce((sum, tier) => sum + tier.confirmedTickets, 0) }),
    revenue: t.field({
      type: MoneyTotalRef,
      description: 'Sum of the totals of bookings that are confirmed now. A cancelled booking is out of it, refunded or not; refunds are not subtracted (see refunded).',
      resolve: async (report) => {
        const tiers = await report.tiers();
        return { cents: tiers.reduce((sum, tier) => sum + tier.confirmedCents, 0), currency: report.currency };
      },
    }),
    refunded: t.field({
      type: MoneyTotalRef,
      description: 'Money given back on the range\'s bookings (payments\' refunded amounts), whatever their status now. Shown apart from revenue, which already leaves cancelled bookings out.',
      resolve: async (report) => {
        const tiers = await report.tiers();
        return { cents: tiers.reduce((sum, tier) => sum + tier.refundedCents, 0), currency: report.currency };
      },
    }),
  }),
});

const SalesAnalyticsRef = builder.objectRef<SalesReport>('SalesAnalytics').implement({
  // Every path to a report (query, each subscription delivery) is checked against the concert it
  // was made for; the report carries its organizer, so this costs no query.
  authScopes: (report, ctx) => ownsConcert(ctx, report),
  description:
    'Ticket sales of one concert, for organizers. Bookings count by when they were made (created), within [from, to) to the minute, and by their status now. Revenue is always confirmed bookings\' money at the prices booked; refunds are reported separately.',
  fields: (t) => ({
    overTime: t.field({
      type: [SalesPointRef],
      description: 'Confirmed tickets and revenue per bucket, oldest first; buckets without confirmed tickets are left out.',
      resolve: async (report) => (await report.overTime()).map((point) => ({ ...point, currency: report.currency })),
    }),
    byTier: t.field({
      type: [TierSalesRef],
      description: 'Every tier of the concert, in its display order.',
      resolve: async (report, _args, ctx) => {
        const [figures, tiers] = await Promise.all([report.tiers(), ctx.db.select().from(ticketTiers).where(eq(ticketTiers.concertId, report.range.concertId))]);
        const byId = new Map(tiers.map((tier) => [tier.id, tier]));
        return figures.flatMap((row) => (byId.has(row.tierId) ? [{ ...row, tier: byId.get(row.tierId)! }] : []));
      },
    }),
    holdsVsConfirmed: t.field({ type: TicketsByStatusRef, resolve: (report) => report.tiers() }),
    totals: t.field({ type: SalesTotalsRef, resolve: (report) => report }),
  }),
});

/** The concert if the viewer is its organizer; null otherwise, as for an id that names no concert. */
async function concertOf(ctx: Context, globalId: string) {
  const id = databaseIdOf(globalId, 'Concert');
  if (!id) return null;
  const [concert] = await ctx.db
    .select({
      id: concerts.id,
      organizerId: concerts.organizerId,
      timeZone: concerts.timeZone,
      currency: sql<string>`coalesce((SELECT ${ticketTiers.currency} FROM ${ticketTiers} WHERE ${ticketTiers.concertId} = ${concerts.id} ORDER BY ${ticketTiers.position} LIMIT 1), 'USD')`,
    })
    .from(concerts)
    .where(eq(concerts.id, id));
  return concert && ownsConcert(ctx, concert) ? concert : null;
}

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

builder.queryField('salesAnalytics', (t) =>
  t.field({
    authScopes: { organizer: true },
    type: SalesAnalyticsRef,
    nullable: true,
    description: 'Sales figures of one of the organizer\'s own concerts (null when concertId is not a concert of theirs). from is inclusive, to exclusive; both are taken to the minute.',
    args: {
      concertId: t.arg.id({ required: true }),
      from: t.arg({ type: 'DateTime' }),
      to: t.arg({ type: 'DateTime' }),
      bucket: t.arg({ type: SalesBucketRef, defaultValue: 'HOUR', required: true, description: 'Buckets of overTime; MINUTE needs from and to at most 24 hours apart.' }),
    },
    resolve: async (_root, args, ctx) => {
      const bucket: SalesBucket = args.bucket;
      const from = args.from ?? null;
      const to = args.to ?? null;
      if (bucket === 'MINUTE' && (!from || !to || to.getTime() - from.getTime() > MAX_MINUTE_RANGE_MS)) {
        throw badInput('MINUTE buckets need from and to at most 24 hours apart');
      }
      const concert = await concertOf(ctx, String(args.concertId));
      return concert && createSalesReport(ctx.db, concert, { from, to }, bucket);
    },
  }),
);

builder.subscriptionField('salesAnalyticsChanged', (t) =>
  t.field({
    authScopes: { organizer: true },
    type: SalesAnalyticsRef,
    description:
      'The sales figures of one of the organizer\'s own concerts (all its bookings) after its availability changes: a booking, hold, release, expiry or cancellation. At most one a second during an on-sale; the first change after a quiet second at once. MINUTE buckets are not offered here.',
    args: {
      concertId: t.arg.id({ required: true }),
      bucket: t.arg({ type: SalesBucketRef, defaultValue: 'HOUR', required: true }),
    },
    subscribe: async (_root, args, ctx) => {
      if (args.bucket === 'MINUTE') throw badInput('salesAnalyticsChanged offers HOUR and DAY buckets');
      const concert = await concertOf(ctx, String(args.concertId));
      if (!concert) throw badInput('concertId is not the id of a Concert');
      return ctx.salesFeed.reports(concert, args.bucket);
    },
    resolve: (report) => report,
  }),
);
