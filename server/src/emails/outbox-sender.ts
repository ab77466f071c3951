import { asc, eq, isNull, sql } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Database } from '../db/client.ts';
import { outboxEmails } from '../db/schema.ts';

/**
 * Delivers outbox emails through an SMTP transport (nodemailer). Every instance may run one: each
 * run takes up to `batchSize` unsent emails no one else has locked (SKIP LOCKED) and marks each sent
 * in the same transaction, so an email is delivered by one instance; a failed one is tried again
 * on a later run with its error kept. Resolves with how many it sent.
 */
export async function sendOutbox(db: Database, transport: Transporter, from: string, batchSize = 20): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(outboxEmails)
      .where(isNull(outboxEmails.sentAt))
      .orderBy(asc(outboxEmails.createdAt))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    let sent = 0;
    for (const email of due) {
      try {
        await transport.sendMail({ from, to: email.recipient, subject: email.subject, text: email.body });
        await tx.update(outboxEmails).set({ sentAt: sql`now()`, attempts: email.attempts + 1, lastError: null }).where(eq(outboxEmails.id, email.id));
        sent += 1;
      } catch (error) {
        await tx.update(outboxEmails).set({ attempts: email.attempts + 1, lastError: String((error as Error).message).slice(0, 500) }).where(eq(outboxEmails.id, email.id));
      }
    }
    return sent;
  });
}
