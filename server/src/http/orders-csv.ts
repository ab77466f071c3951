import type { IncomingMessage, ServerResponse } from 'node:http';
import { and, asc, eq, sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { organizerIdOf } from '../auth/concert-ownership.ts';
import type { RequestIdentity } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { bookingItems, bookings, concerts, ticketTiers } from '../db/schema.ts';
import { payments } from '../db/payments-schema.ts';
import { databaseIdOf } from '../graphql/global-id.ts';
import type { Logger } from '../observability/logger.ts';

/** `GET /organizer/concerts/<concert's global id>/orders.csv` */
export const ORDERS_CSV_PATH = /^\/organizer\/concerts\/([^/]{1,200})\/orders\.csv$/;

const HEADER = ['Order code', 'Status', 'Email', 'Tickets', 'Total', 'Currency', 'Created at', 'Paid', 'Refunded'];

export interface OrdersCsvOptions {
  db: Database;
  /** Who sent the request: the same identify() as GraphQL's context (auth/viewer.ts). */
  identify: (req: IncomingMessage) => RequestIdentity | Promise<RequestIdentity>;
  logger: Logger;
  /** Rows read per query; each is written before the next is read. */
  batchSize?: number;
}

/**
 * Streams a concert's orders as CSV to an organizer, oldest first. Rows are read by keyset pages of
 * `batchSize` (short queries; no pooled connection is pinned while a slow client downloads, as a
 * cursor's transaction would be), and the next page is read only once the client has taken the
 * last one ('drain'), so memory stays at about one page however large the concert. A client that
 * goes away stops the reading.
 */
export function createOrdersCsvHandler({ db, identify, logger, batchSize = 1_000 }: OrdersCsvOptions) {
  /** Never rejects: a failure mid-export ends the response (503 if nothing was sent yet). */
  return (req: IncomingMessage, res: ServerResponse, concertGid: string) =>
    serveOrdersCsv(req, res, concertGid).catch((error) => {
      logger.error({ err: error }, 'orders export failed');
      if (!res.headersSent) res.writeHead(503).end();
      else res.destroy();
    });

  async function serveOrdersCsv(req: IncomingMessage, res: ServerResponse, concertGid: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
    const { refusal, organizerId } = await organizerOf(req, identify);
    if (refusal) return void res.writeHead(refusal.status, { 'content-type': 'text/plain; charset=utf-8', ...refusal.headers }).end(refusal.message);
    let gid: string;
    try {
      gid = decodeURIComponent(concertGid);
    } catch {
      return void res.writeHead(404).end();
    }
    const concertId = databaseIdOf(gid, 'Concert');
    // Another organizer's concert is a 404, word for word as one that does not exist.
    const [concert] = concertId ? await db.select({ id: concerts.id, name: concerts.name }).from(concerts).where(and(eq(concerts.id, concertId), eq(concerts.organizerId, organizerId))) : [];
    if (!concert) return void res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('No concert has this id');

    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': contentDisposition(concert.name),
      // Shoppers' emails: never kept by a cache on the way.
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') return void res.end();

    let rows = 0;
    try {
      // The header goes out before the first query: the download starts at once.
      if (!(await send(res, csvLine(HEADER)))) return logger.info({ concertId: concert.id, rows, aborted: true }, 'orders export');
      let after: { createdAt: Date; id: string } | null = null;
      for (;;) {
        const page = await readPage(db, concert.id, after, batchSize);
        if (page.length === 0) break;
        rows += page.length;
        if (!(await send(res, page.map(csvRow).join('')))) return logger.info({ concertId: concert.id, rows, aborted: true }, 'orders export');
        if (page.length < batchSize) break;
        after = page[page.length - 1];
      }
      res.end();
      logger.info({ concertId: concert.id, rows, aborted: false }, 'orders export');
    } catch (error) {
      // The status is already sent: cutting the connection is the only way to say the file is not whole.
      logger.error({ err: error, concertId: concert.id, rows }, 'orders export failed');
      res.destroy();
    }
  }
}

/** The signed-in organizer's id, or why the request is refused. */
async function organizerOf(req: IncomingMessage, identify: OrdersCsvOptions['identify']): Promise<{ refusal: Refusal; organizerId?: never } | { refusal: null; organizerId: string }> {
  let identity: RequestIdentity;
  try {
    identity = await identify(req);
  } catch (error) {
    // A bad API key (401) or a used-up quota (429), as GraphQL would answer them.
    if (!(error instanceof GraphQLError)) throw error;
    const http = error.extensions.http as { status?: number; headers?: Record<string, string> } | undefined;
    return { refusal: { status: http?.status ?? 401, headers: http?.headers ?? {}, message: error.message } };
  }
  const { viewer } = identity;
  if (viewer.kind === 'guest') return { refusal: { status: 401, headers: {}, message: 'Sign in as an organizer' } };
  const organizerId = organizerIdOf(viewer);
  if (organizerId === null) return { refusal: { status: 403, headers: {}, message: 'Only organizers may export orders' } };
  return { refusal: null, organizerId };
}

interface Refusal {
  status: number;
  headers: Record<string, string>;
  message: string;
}

/** Writes, then waits until the client has taken it; false once the client has gone. */
async function send(res: ServerResponse, chunk: string): Promise<boolean> {
  if (res.destroyed) return false;
  if (!res.write(chunk)) {
    await new Promise<void>((resolve) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.on('drain', done);
      res.on('close', done);
    });
  }
  return !res.destroyed;
}

type OrderRow = Awaited<ReturnType<typeof readPage>>[number];

function readPage(db: Database, concertId: string, after: { createdAt: Date; id: string } | null, limit: number) {
  return db
    .select({
      id: bookings.id,
      orderCode: bookings.orderCode,
      status: bookings.status,
      customerEmail: bookings.customerEmail,
      totalCents: bookings.totalCents,
      currency: bookings.currency,
      createdAt: bookings.createdAt,
      tickets: sql<string | null>`(SELECT string_agg(${bookingItems.quantity} || ' × ' || ${ticketTiers.name}, '; ' ORDER BY ${ticketTiers.position}, ${ticketTiers.name})
        FROM ${bookingItems} JOIN ${ticketTiers} ON ${ticketTiers.id} = ${bookingItems.tierId} WHERE ${bookingItems.bookingId} = ${bookings.id})`,
      // Captured: succeeded attempts and those refunded since.
      paidCents: sql<number>`(SELECT coalesce(sum(${payments.amountCents}) FILTER (WHERE ${payments.status} IN ('SUCCEEDED', 'REFUNDED')), 0)
        FROM ${payments} WHERE ${payments.bookingId} = ${bookings.id})`.mapWith(Number),
      refundedCents: sql<number>`(SELECT coalesce(sum(${payments.refundedCents}), 0) FROM ${payments} WHERE ${payments.bookingId} = ${bookings.id})`.mapWith(Number),
    })
    .from(bookings)
    .where(
      and(
        eq(bookings.concertId, concertId),
        // created_at holds milliseconds (db/schema.ts), so a Date carries the position exactly.
        after ? sql`(${bookings.createdAt}, ${bookings.id}) > (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(bookings.createdAt), asc(bookings.id))
    .limit(limit);
}

function csvRow(order: OrderRow) {
  const money = (cents: number) => formatMoney(cents, order.currency);
  return csvLine([
    order.orderCode,
    order.status,
    order.customerEmail,
    order.tickets ?? '',
    money(order.totalCents),
    order.currency,
    order.createdAt.toISOString(),
    money(order.paidCents),
    money(order.refundedCents),
  ]);
}

/** RFC 4180 lines (CRLF), each cell made safe to open in a spreadsheet. */
export function csvLine(cells: string[]) {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return, which some
 * skip before those) as a formula: a shopper's email like `=HYPERLINK(...)` must stay text, so it
 * gets a leading apostrophe (OWASP's advice). Then quoting: a cell with a quote, comma or line break
 * is quoted, its quotes doubled.
 */
export function csvCell(value: string) {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const fractionDigits = new Map<string, number>();

/** Minor units as a decimal amount in the currency's own digits (USD 2, JPY 0). */
function formatMoney(cents: number, currency: string) {
  let digits = fractionDigits.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    fractionDigits.set(currency, digits);
  }
  return (cents / 10 ** digits).toFixed(digits);
}

/** The concert's name as it is (RFC 6266's filename*), and a plain-ASCII fallback for old clients. */
function contentDisposition(concertName: string) {
  const slug = concertName.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[^\w.-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'concert';
  const exact = encodeURIComponent(`${concertName}-orders.csv`).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${slug}-orders.csv"; filename*=UTF-8''${exact}`;
}
