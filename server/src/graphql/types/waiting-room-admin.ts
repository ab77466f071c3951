import { eq } from 'drizzle-orm';
import { ConcertAlreadyCancelledError, NotFoundError, ValidationError } from '../../booking/errors.ts';
import { waitingRooms } from '../../db/waiting-room-schema.ts';
import { changeRate, configureRoom } from '../../waiting-room/room-settings.ts';
import { readStatus, type WaitingRoomStatus } from '../../waiting-room/waiting-room-status.ts';
import { ownsConcertId } from '../../auth/concert-ownership.ts';
import { builder } from '../builder.ts';
import { databaseIdOf } from '../global-id.ts';
import { ownConcertArg } from '../concert-owner-only.ts';
import { concertIdFrom } from './concert-admin.ts';
import { WaitingRoomStatusRef } from './waiting-room.ts';

// The organizer's controls of a concert's waiting room: set it up or turn it off, change the rate
// live, and watch the line (the same status waiters get, with the settings beside it).

type Settings = typeof waitingRooms.$inferSelect;

const WaitingRoomSettingsRef = builder.objectRef<Settings>('WaitingRoomSettings').implement({
  fields: (t) => ({
    enabled: t.exposeBoolean('enabled'),
    preQueueMinutes: t.exposeInt('preQueueMinutes', { description: 'Joining opens this long before the on-sale time.' }),
    admissionsPerMinute: t.exposeInt('admissionsPerMinute'),
    maxShopping: t.exposeInt('maxShopping', { description: 'Admission pauses while this many admitted shoppers are still shopping.' }),
    admissionMinutes: t.int({ description: 'How long an admission lasts before it must be used for a hold.', resolve: (room) => Math.round(room.admissionSeconds / 60) }),
  }),
});

const WaitingRoomAdminRef = builder.objectRef<{ concertId: string; status?: WaitingRoomStatus | null }>('WaitingRoomAdmin').implement({
  description: "A concert's waiting room as its organizer sees it: settings, and the line's figures as of the last tick.",
  fields: (t) => ({
    settings: t.field({
      type: WaitingRoomSettingsRef,
      resolve: async (admin, _args, ctx) => (await ctx.db.select().from(waitingRooms).where(eq(waitingRooms.concertId, admin.concertId)))[0],
    }),
    status: t.field({ type: WaitingRoomStatusRef, resolve: async (admin, _args, ctx) => admin.status ?? (await readStatus(ctx.db, admin.concertId, true))! }),
  }),
});

const WaitingRoomSettingsInput = builder.inputType('WaitingRoomSettingsInput', {
  fields: (t) => ({
    enabled: t.boolean({ required: true, description: 'False turns the room off: holds need no token and nobody may join; places are kept.' }),
    preQueueMinutes: t.int({ required: true, description: 'Joining opens this long before onSaleAt (0-1440); everyone in by onSaleAt is drawn in random order.' }),
    admissionsPerMinute: t.int({ required: true, description: 'Shoppers admitted per minute (1-100000).' }),
    maxShopping: t.int({ required: true, description: 'At most this many admitted shoppers at once (admission unexpired, or a hold pending).' }),
    admissionMinutes: t.int({ required: true, description: 'How long an admission lasts (1-120).' }),
  }),
});

builder.mutationFields((t) => ({
  configureWaitingRoom: t.field({
    type: WaitingRoomAdminRef,
    description:
      "Sets up a concert's waiting room, changes its settings, or turns it off. While it is on, holds of the concert need an admission token and partner bookings are refused; every instance knows at once.",
    ...ownConcertArg('concertId'),
    errors: { types: [ValidationError, NotFoundError, ConcertAlreadyCancelledError], directResult: true, union: { name: 'ConfigureWaitingRoomResult' } },
    args: { concertId: t.arg.id({ required: true }), input: t.arg({ type: WaitingRoomSettingsInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const concertId = concertIdFrom(args.concertId);
      return { concertId, status: await configureRoom(ctx, concertId, args.input) };
    },
  }),
  setWaitingRoomRate: t.field({
    type: WaitingRoomAdminRef,
    description: 'Changes the admission rate live: the next tick admits at it, and waiters hear of it at once.',
    ...ownConcertArg('concertId'),
    errors: { types: [ValidationError, NotFoundError], directResult: true, union: { name: 'SetWaitingRoomRateResult' } },
    args: { concertId: t.arg.id({ required: true }), admissionsPerMinute: t.arg.int({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const concertId = concertIdFrom(args.concertId);
      const status = await changeRate(ctx.db, concertId, args.admissionsPerMinute);
      if (!status) throw new ValidationError('This concert has no waiting room yet: set one up with configureWaitingRoom', 'concertId');
      return { concertId, status };
    },
  }),
}));

builder.queryField('waitingRoomAdmin', (t) =>
  t.field({
    type: WaitingRoomAdminRef,
    nullable: true,
    description: "A concert's waiting room for its organizer; null when it has none, or the concert is another organizer's. Two reads by primary key.",
    authScopes: { organizer: true },
    args: { concertId: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      // A malformed id names no concert: null, as one that does not exist.
      const concertId = databaseIdOf(String(args.concertId), 'Concert');
      if (!concertId || !(await ownsConcertId(ctx, concertId))) return null;
      const status = await readStatus(ctx.db, concertId, true);
      return status && { concertId, status };
    },
  }),
);
