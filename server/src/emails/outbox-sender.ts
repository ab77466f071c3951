import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Database } from '../db/client.ts';
import { outboxEmails } from '../db/schema.ts';

export interface OutboxOptions {
  batchSize?: number;
  /** How long a claimed email belongs to this sender before another may take it. */
  leaseMs?: number;
}

type Claimed = Pick<typeof outboxEmails.$inferSelect, 'id' | 'recipient' | 'subject' | 'body' | 'createdAt' | 'claimedUntil'>;

/**
 * Delivers outbox emails through an SMTP transport (nodemailer). Every instance may run one at once.
 *
 * A run claims up to `batchSize` unsent emails in one short statement, giving each a lease
 * (`claimed_until`), and then talks to SMTP with no transaction open and no row locked: a slow SMTP
 * server holds no database connection and blocks nobody. While an email's lease runs, no other
 * sender claims it, so two senders never send the same email. Sent: `sent_at` is set. Refused: the
 * error is kept and the lease cleared, so a later run tries again.
 *
 * Delivery is at least once, on purpose. SMTP and Postgres cannot commit together: a sender that
 * dies (or loses the database) after the SMTP server accepted an email but before marking it sent
 * leaves it unsent with a lease, and once the lease has passed another sender sends it again. The
 * other order (mark first, then send) would lose the email for good if the send then failed; a
 * shopper is better served by a rare duplicate confirmation than by none. Keep the lease longer than
 * one send may take (the transport's own timeouts); a run stops and hands back the rest of its batch
 * once half the lease is gone, so only a single send that outlasts half a lease can be duplicated.
 * Resolves with how many it sent.
 */
export async function sendOutbox(db: Database, transport: Pick<Transporter, 'sendMail'>, from: string, options: OutboxOptions = {}): Promise<number> {
  const { batchSize = 20, leaseMs = 60_000 } = options;
  const claimed = await claimBatch(db, batchSize, leaseMs);
  const handBackAt = performance.now() + leaseMs / 2;
  let sent = 0;
  for (const [index, email] of claimed.entries()) {
    if (performance.now() > handBackAt) {
      await handBack(db, claimed.slice(index));
      break;
    }
    try {
      await transport.sendMail({ from, to: email.recipient, subject: email.subject, text: email.body });
    } catch (error) {
      await db
        .update(outboxEmails)
        .set({ claimedUntil: null, lastError: String((error as Error).message).slice(0, 500) })
        .where(ownLease(email));
      continue;
    }
    // Not guarded by the lease: once the SMTP server has it, it is sent, whoever holds the lease now.
    await db
      .update(outboxEmails)
      .set({ sentAt: sql`now()`, claimedUntil: null, lastError: null })
      .where(and(eq(outboxEmails.id, email.id), isNull(outboxEmails.sentAt)));
    sent += 1;
  }
  return sent;
}

/**
 * Claims unsent emails whose lease is absent or past, oldest first, and counts the attempt. Rows a
 * concurrent claim has locked are skipped; one it has just claimed and committed fails the lease
 * condition when re-checked under the row lock, so each email goes to one claimant. The lease is
 * whole milliseconds, so the value read back identifies this claim exactly (see ownLease).
 */
async function claimBatch(db: Database, batchSize: number, leaseMs: number): Promise<Claimed[]> {
  const due = db
    .select({ id: outboxEmails.id })
    .from(outboxEmails)
    .where(and(isNull(outboxEmails.sentAt), or(isNull(outboxEmails.claimedUntil), lt(outboxEmails.claimedUntil, sql`now()`))))
    .orderBy(asc(outboxEmails.createdAt))
    .limit(batchSize)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(outboxEmails)
    .set({
      claimedUntil: sql`date_trunc('milliseconds', now()) + make_interval(secs => ${leaseMs / 1_000})`,
      attempts: sql`${outboxEmails.attempts} + 1`,
    })
    .where(inArray(outboxEmails.id, due))
    .returning({
      id: outboxEmails.id,
      recipient: outboxEmails.recipient,
      subject: outboxEmails.subject,
      body: outboxEmails.body,
      createdAt: outboxEmails.createdAt,
      claimedUntil: outboxEmails.claimedUntil,
    });
  // RETURNING keeps no order; send oldest first.
  return claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/** Only while this run's lease is still the email's: one that lapsed and was claimed again is left to its new sender. */
const ownLease = (email: Claimed) => and(eq(outboxEmails.id, email.id), isNull(outboxEmails.sentAt), eq(outboxEmails.claimedUntil, email.claimedUntil!));

/** Gives back emails this run will not get to in time, so another run need not wait out the lease. */
async function handBack(db: Database, emails: Claimed[]) {
  for (const email of emails) await db.update(outboxEmails).set({ claimedUntil: null }).where(ownLease(email));
}
