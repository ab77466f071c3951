import { sql } from 'drizzle-orm';
import { organizerIdOf } from '../../auth/concert-ownership.ts';
import { ORDER_CODE_ALPHABET, ORDER_CODE_LENGTH, type bookings } from '../../db/schema.ts';
import { isStorableText } from '../../db/storable-text.ts';
import { builder, type Context } from '../builder.ts';
import { databaseIdOf } from '../global-id.ts';
import { checkTimeAndIdCursors, type TimeAndId } from '../page-cursor.ts';
import { BookingConnectionRef, BookingStatusRef } from './booking.ts';

/** Rows of a page at most: each order may bring its items, payments and emails along. */
export const MAX_ORDERS_PAGE = 50;
const MAX_SEARCH_LENGTH = 254;
const ORDER_CODE = new RegExp(`^[${ORDER_CODE_ALPHABET}]{${ORDER_CODE_LENGTH}}$`);

type Bookings = typeof bookings;
type Where = NonNullable<NonNullable<Parameters<Context['db']['query']['bookings']['findMany']>[0]>['where']>;

/** `LIKE` takes `%`, `_` and `\` as wildcards and escape: an email's own characters are matched as they are. */
const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * What `search` matches: an email's beginning, case-insensitively (`ann@` finds ann@example.com;
 * a whole address is its own prefix), through bookings_customer_email_idx; and, when it has the shape
 * of an order code, that code exactly (codes are upper case; people type them any way).
 */
function searchFilter(search: string): Where {
  const text = search.trim().toLowerCase();
  const code = text.toUpperCase();
  const byEmail = (table: Bookings) => sql`lower(${table.customerEmail}) LIKE ${likePrefix(text)}`;
  if (!ORDER_CODE.test(code)) return { RAW: byEmail };
  return { OR: [{ orderCode: code }, { RAW: byEmail }] };
}

/**
 * The plugin pages with `created_at < c OR (created_at = c AND id < i)`, which Postgres cannot
 * start an index scan from: a deep page would walk every newer row first. The same position as one
 * row comparison can, so it is added beside the plugin's own filter (which it leaves unchanged).
 */
function pagePosition(cursor: TimeAndId | null, direction: 'after' | 'before'): Where | null {
  if (!cursor) return null;
  // Newest first: "after" is older.
  const operator = direction === 'after' ? sql`<` : sql`>`;
  return { RAW: (table: Bookings) => sql`(${table.createdAt}, ${table.id}) ${operator} (${cursor.at.toISOString()}::timestamptz, ${cursor.id}::uuid)` };
}

builder.queryField('orders', (t) =>
  t.drizzleConnection(
    {
      type: 'bookings',
      description: `Orders of the signed-in organizer's own concerts, for their back office, newest first, at most ${MAX_ORDERS_PAGE} a page. Filters combine. One order's detail (items, payments, emails) is booking(id); cancelBooking cancels and refunds it.`,
      authScopes: { organizer: true },
      maxSize: MAX_ORDERS_PAGE,
      args: {
        concertId: t.arg.id({ description: "One of the organizer's concerts' orders; all of their concerts' without it." }),
        search: t.arg.string({
          description:
            'An email, or its beginning, case-insensitively ("ann@" finds ann@example.com); or an 8-character order code, exactly but in any case.',
        }),
        status: t.arg({ type: [BookingStatusRef], description: 'Orders in any of these states.' }),
        createdFrom: t.arg({ type: 'DateTime', description: 'Orders placed at or after this instant.' }),
        createdTo: t.arg({ type: 'DateTime', description: 'Orders placed before this instant (exclusive).' }),
      },
      resolve: (query, _root, args, ctx) => {
        // The organizer's own concerts' orders only; another's concertId finds none, as a made-up one.
        const filters: Where[] = [{ concert: { organizerId: organizerIdOf(ctx.viewer) ?? '' } }];
        if (args.concertId != null) {
          const concertId = databaseIdOf(String(args.concertId), 'Concert');
          if (!concertId) return [];
          filters.push({ concertId });
        }
        if (args.status) {
          if (args.status.length === 0) return [];
          filters.push({ status: { in: [...new Set(args.status)] } });
        }
        if (args.createdFrom) filters.push({ createdAt: { gte: args.createdFrom } });
        if (args.createdTo) filters.push({ createdAt: { lt: args.createdTo } });
        const search = args.search?.trim();
        if (search) {
          // No order's email or code is that long, or holds text Postgres cannot store.
          if (search.length > MAX_SEARCH_LENGTH || !isStorableText(search)) return [];
          filters.push(searchFilter(search));
        }
        const cursors = checkTimeAndIdCursors(args);
        const after = pagePosition(cursors.after, 'after');
        if (after) filters.push(after);
        const before = pagePosition(cursors.before, 'before');
        if (before) filters.push(before);
        return ctx.db.query.bookings.findMany(
          query({ where: { AND: filters }, orderBy: { createdAt: 'desc', id: 'desc' } }),
        );
      },
    },
    BookingConnectionRef,
  ),
);
