import type { Database } from '../db/client.ts';
import { outboxEmails } from '../db/schema.ts';

/**
 * A sign-in link goes through the outbox like every other email: delivered by SMTP when configured,
 * visible in the development mailbox otherwise. Nothing else is in it, so a forwarded email leaks
 * nothing but a link that works once and expires.
 */
export async function queueMagicLinkEmail(db: Database, email: string, url: string, minutes: number) {
  await db.insert(outboxEmails).values({
    kind: 'magic_link',
    recipient: email,
    subject: 'Your sign-in link for Concert tickets',
    body: [
      'Hello,',
      '',
      'Use this link to sign in to Concert tickets:',
      url,
      '',
      `It works once and expires in ${minutes} minutes. If you did not ask for it, ignore this email: nobody can sign in without the link.`,
    ].join('\n'),
  });
}
