import { sql } from 'drizzle-orm';
import type { SignedInUser } from '../../auth/viewer.ts';
import { bookings } from '../../db/schema.ts';
import { builder } from '../builder.ts';
import { checkTimeAndIdCursors } from '../page-cursor.ts';
import { BookingConnectionRef } from './booking.ts';

const ViewerRoleRef = builder.enumType('ViewerRole', {
  values: {
    SHOPPER: { description: 'Buys tickets.' },
    ORGANIZER: { description: 'Runs concerts: the catalogue, orders and partner keys.' },
  } as const,
});

const ViewerRef = builder.objectRef<SignedInUser>('Viewer').implement({
  description: 'The signed-in person (sessions come from /api/auth: a magic link or a password).',
  fields: (t) => ({
    email: t.exposeString('email'),
    emailVerified: t.exposeBoolean('emailVerified', {
      description: 'Proven by a magic link. Until then, bookings made as a guest with this email are not shown as theirs.',
    }),
    role: t.field({ type: ViewerRoleRef, resolve: (user) => (user.role === 'organizer' ? 'ORGANIZER' : 'SHOPPER') }),
  }),
});

builder.queryFields((t) => ({
  viewer: t.field({
    type: ViewerRef,
    nullable: true,
    description: 'Who is signed in; null for guests and partner apps.',
    resolve: (_root, _args, ctx) => (ctx.viewer.kind === 'user' ? ctx.viewer.user : null),
  }),
  myBookings: t.drizzleConnection(
    {
      type: 'bookings',
      description: "The signed-in shopper's bookings, newest first: those made while signed in, and, once their email is verified, every booking made with it (guest bookings included).",
      authScopes: { signedIn: true },
      resolve: (query, _root, args, ctx) => {
        if (ctx.viewer.kind !== 'user') return [];
        checkTimeAndIdCursors(args);
        const { user } = ctx.viewer;
        // The expression of bookings_customer_email_idx, so the index answers it.
        const byEmail = (table: typeof bookings) => sql`lower(${table.customerEmail}) = ${user.email.toLowerCase()}`;
        return ctx.db.query.bookings.findMany(
          query({ where: user.emailVerified ? { OR: [{ userId: user.id }, { RAW: byEmail }] } : { userId: user.id }, orderBy: { createdAt: 'desc', id: 'desc' } }),
        );
      },
    },
    BookingConnectionRef,
  ),
}));
