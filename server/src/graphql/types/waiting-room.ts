import { encodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import { ownsConcertId } from '../../auth/concert-ownership.ts';
import { spendPersonalQuota } from '../../auth/viewer.ts';
import { NotFoundError } from '../../booking/errors.ts';
import { GuestIdRequiredError, WaitingRoomClosedError } from '../../waiting-room/errors.ts';
import { findTicket, joinQueue, ticketStatus, type QueueTicket } from '../../waiting-room/queue-entry.ts';
import { shopperIdentitiesOf } from '../../waiting-room/shopper-identity.ts';
import { preQueueOpensAt, readStatus, type WaitingRoomStatus } from '../../waiting-room/waiting-room-status.ts';
import { builder, type Context } from '../builder.ts';
import { databaseIdOf } from '../global-id.ts';
import { ConcertRef } from './concert.ts';
import { concertIdFrom } from './concert-admin.ts';

// The shopper's side of a concert's waiting room: join, see one's own ticket, and follow the
// room's shared status. Positions are never computed per waiter on the server: each tick publishes
// one status per concert and the page works out place − admittedThrough itself.

export const WaitingRoomStatusRef = builder.objectRef<WaitingRoomStatus>('WaitingRoomStatus').implement({
  description:
    "A concert's waiting room as of its last tick (every second or two), the same for every waiter. Your position is QueueTicket.place − admittedThrough; your wait about position / admissionsPerMinute minutes.",
  fields: (t) => ({
    concertId: t.id({ resolve: (status) => encodeGlobalID('Concert', status.concertId) }),
    enabled: t.exposeBoolean('enabled', { description: 'False: the room was turned off; shop directly.' }),
    drawn: t.exposeBoolean('drawn', { description: 'The pre-queue was drawn (at drawsAt): places are given. Re-fetch myQueueTicket when this turns true.' }),
    admittedThrough: t.exposeInt('admittedThrough', { description: 'Every place up to this one has been admitted.' }),
    lastPlace: t.exposeInt('lastPlace', { description: 'Places given so far; the end of the line.' }),
    admissionsPerMinute: t.exposeInt('admissionsPerMinute'),
    waiting: t.exposeInt('waiting', { description: 'Joined and not yet admitted.' }),
    shopping: t.exposeInt('shopping', { description: 'Admitted and still shopping; admission pauses while this is at the cap.' }),
    maxShopping: t.exposeInt('maxShopping'),
    opensAt: t.expose('opensAt', { type: 'DateTime', nullable: true, description: 'When joining opens; null: open since the room was turned on.' }),
    drawsAt: t.expose('drawsAt', { type: 'DateTime', nullable: true, description: "The on-sale time, when the pre-queue's places are drawn at random." }),
    at: t.expose('at', { type: 'DateTime', description: "The server's clock when this was true." }),
  }),
});

const QueueTicketStatusRef = builder.enumType('QueueTicketStatus', {
  values: {
    WAITING: { description: 'In line (or, before the draw, waiting for a place).' },
    ADMITTED: { description: 'Admitted: hold tickets with admissionToken before admissionExpiresAt.' },
    EXPIRED: { description: 'The admission ran out unused.' },
    USED: { description: 'The admission was spent on a hold.' },
  } as const,
});

const QueueTicketRef = builder.objectRef<QueueTicket>('QueueTicket').implement({
  description: "The caller's own place in a concert's waiting room. Every tab and device of one shopper (account, or guest id) shares it.",
  fields: (t) => ({
    id: t.id({ resolve: ({ entry }) => entry.id }),
    concertId: t.id({ resolve: ({ entry }) => encodeGlobalID('Concert', entry.concertId) }),
    place: t.int({ nullable: true, description: 'Null until the draw at the on-sale time (and, after it, for a second or two after joining).', resolve: ({ entry }) => entry.place }),
    status: t.field({ type: QueueTicketStatusRef, resolve: ticketStatus }),
    joinedAt: t.field({ type: 'DateTime', resolve: ({ entry }) => entry.joinedAt }),
    admissionExpiresAt: t.field({ type: 'DateTime', nullable: true, resolve: ({ entry }) => entry.admissionExpiresAt }),
    admissionToken: t.string({
      nullable: true,
      description: 'While ADMITTED: pass it to holdTickets(admissionToken:). Bound to you and this concert, good for one hold, until admissionExpiresAt.',
      resolve: (ticket, _args, ctx) => {
        const { entry } = ticket;
        if (ticketStatus(ticket) !== 'ADMITTED') return null;
        return ctx.admissionTokens.sign({ entryId: entry.id, concertId: entry.concertId, identity: entry.identity, expiresAt: entry.admissionExpiresAt! });
      },
    }),
  }),
});

function identitiesOrRefuse(ctx: Context) {
  const identities = shopperIdentitiesOf(ctx);
  if (identities.length === 0) throw new GuestIdRequiredError();
  return identities;
}

builder.mutationField('joinWaitingRoom', (t) =>
  t.field({
    type: QueueTicketRef,
    description:
      "Takes a place in the concert's waiting room, or returns the one you already have (idempotent: tabs, devices and retries share one place; a shopper who signs in keeps the place this browser took as a guest, as long as it sends the same x-guest-id). Before the on-sale time everyone who joins gets a random place at the draw, so joining early gives no edge; after it, later arrivals join the back in order. Guests must send x-guest-id; partners cannot join. Rate limited per account or address (RATE_LIMITED).",
    authScopes: { shopper: true },
    errors: { types: [WaitingRoomClosedError, GuestIdRequiredError, NotFoundError], directResult: true, union: { name: 'JoinWaitingRoomResult' } },
    args: { concertId: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const concertId = concertIdFrom(args.concertId);
      const identities = identitiesOrRefuse(ctx);
      await spendPersonalQuota(ctx, 'joins', ctx.joinQuota);
      const ticket = await joinQueue(ctx.db, concertId, identities);
      if (!ticket) throw new NotFoundError('Concert', concertId);
      return ticket;
    },
  }),
);

builder.queryFields((t) => ({
  myQueueTicket: t.field({
    type: QueueTicketRef,
    nullable: true,
    description: 'Your place in the concert\'s waiting room, or null if you have not joined (or are a guest without x-guest-id). One indexed read: re-fetch after the draw, on admission, or on reload.',
    authScopes: { shopper: true },
    args: { concertId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => {
      const concertId = databaseIdOf(String(args.concertId), 'Concert');
      const identities = shopperIdentitiesOf(ctx);
      return concertId && identities.length > 0 ? findTicket(ctx.db, concertId, identities) : null;
    },
  }),
  waitingRoomStatus: t.field({
    type: WaitingRoomStatusRef,
    nullable: true,
    description: "The concert's waiting room as of its last tick; null when it never had one. One read by primary key.",
    authScopes: { shopper: true },
    args: { concertId: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const concertId = databaseIdOf(String(args.concertId), 'Concert');
      // An unpublished concert's room is its organizer's to see only.
      return concertId ? readStatus(ctx.db, concertId, await ownsConcertId(ctx, concertId)) : null;
    },
  }),
}));

builder.subscriptionField('waitingRoomStatusChanged', (t) =>
  t.field({
    type: WaitingRoomStatusRef,
    authScopes: { shopper: true },
    description:
      "The concert's waiting-room status after every tick (about every second while the room is open), and right after an organizer changes it. One shared message per tick for all waiters of the concert.",
    args: { concertId: t.arg.id({ required: true }) },
    subscribe: (_root, args, ctx) => {
      const concertId = databaseIdOf(String(args.concertId), 'Concert');
      if (!concertId) throw new GraphQLError('concertId is not the id of a Concert', { extensions: { code: 'BAD_USER_INPUT' } });
      return ctx.waitingRoomFeed.statuses(concertId);
    },
    resolve: (status) => status,
  }),
);

const ConcertWaitingRoomRef = builder
  .objectRef<{ enabled: boolean; opensAt: Date | null; drawsAt: Date | null; admissionSeconds: number }>('ConcertWaitingRoom')
  .implement({
    description: 'Whether shoppers go through a waiting room for this concert, and when it opens.',
    fields: (t) => ({
      enabled: t.exposeBoolean('enabled', { description: 'True: send shoppers to the waiting room; holds need an admission token.' }),
      opensAt: t.expose('opensAt', { type: 'DateTime', nullable: true, description: 'When joining opens (the pre-queue); null: open now.' }),
      drawsAt: t.expose('drawsAt', { type: 'DateTime', nullable: true, description: 'The on-sale time, when places are drawn.' }),
      // The page tells waiters how long they will have once admitted, before it happens.
      admissionMinutes: t.int({ description: 'How long an admission lasts, in whole minutes (rounded up).', resolve: (room) => Math.ceil(room.admissionSeconds / 60) }),
    }),
  });

builder.drizzleObjectFields(ConcertRef, (t) => ({
  waitingRoom: t.field({
    type: ConcertWaitingRoomRef,
    nullable: true,
    description: 'The concert\'s waiting room, if an organizer set one up (it may be turned off).',
    select: { columns: { onSaleAt: true }, with: { waitingRoom: { columns: { enabled: true, preQueueMinutes: true, admissionSeconds: true } } } },
    resolve: ({ onSaleAt, waitingRoom }) =>
      waitingRoom && {
        enabled: waitingRoom.enabled,
        opensAt: preQueueOpensAt(onSaleAt, waitingRoom.preQueueMinutes),
        drawsAt: onSaleAt,
        admissionSeconds: waitingRoom.admissionSeconds,
      },
  }),
}));
