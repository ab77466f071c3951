import type { ServerResponse } from 'node:http';
import { desc, eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { outboxEmails } from '../db/schema.ts';

export const MAILBOX_PATH = '/dev/mailbox';

/**
 * GET /dev/mailbox[?to=address]: the newest 50 emails the shop wrote, as JSON, so that without SMTP a
 * developer sees exactly what a shopper would get. Never served in production (404 there).
 */
export async function serveMailbox(db: Database, url: URL, res: ServerResponse) {
  const to = url.searchParams.get('to')?.slice(0, 254);
  const emails = await db
    .select({ id: outboxEmails.id, kind: outboxEmails.kind, to: outboxEmails.recipient, subject: outboxEmails.subject, body: outboxEmails.body, createdAt: outboxEmails.createdAt, sentAt: outboxEmails.sentAt })
    .from(outboxEmails)
    .where(to ? eq(outboxEmails.recipient, to) : undefined)
    .orderBy(desc(outboxEmails.createdAt))
    .limit(50);
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify({ emails }));
}
