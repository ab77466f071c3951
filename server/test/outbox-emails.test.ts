import { eq, inArray, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { outboxEmails } from '../src/db/schema.ts';
import { sendOutbox } from '../src/emails/outbox-sender.ts';
import { bookingInput, createConcert, createTestApp, graphql, testDatabaseUrl } from './support/test-app.ts';

const app = createTestApp({ publicUrl: 'https://tickets.example' });
afterAll(() => app.stop());

const HOLD = /* GraphQL */ `mutation ($input: BookTicketsInput!) { holdTickets(input: $input) { ... on HoldTicketsSuccess { booking { id orderCode } } } }`;
const PAY = /* GraphQL */ `mutation ($input: PayForBookingInput!) { payForBooking(input: $input) { __typename } }`;
const CANCEL = /* GraphQL */ `mutation ($id: ID!) { cancelBooking(bookingId: $id) { __typename } }`;
const card = (number: string) => ({ number, expMonth: 12, expYear: 2034, cvc: '123' });

async function heldBooking(email: string) {
  const { concert, concertGid, tierGids } = await createConcert(app.db, [{ name: 'Balcony', capacity: 10, priceCents: 4_500 }], 'Night Owls');
  const held = await graphql(app, HOLD, bookingInput(concertGid, [[tierGids[0], 2]], { customerEmail: email }));
  return { concert, ...held.data!.holdTickets.booking } as { concert: typeof concert; id: string; orderCode: string };
}
const mailOf = (recipient: string) => app.db.select().from(outboxEmails).where(eq(outboxEmails.recipient, recipient)).orderBy(outboxEmails.createdAt);

describe('emails through the outbox', () => {
  it('writes the confirmation with the payment and the cancellation notice with the refund; none for a decline', async () => {
    const email = `fan-${crypto.randomUUID()}@example.com`;
    const booking = await heldBooking(email);
    await graphql(app, PAY, { input: { bookingId: booking.id, idempotencyKey: crypto.randomUUID(), card: card('4000000000000002') } });
    expect(await mailOf(email)).toEqual([]);
    await graphql(app, PAY, { input: { bookingId: booking.id, idempotencyKey: crypto.randomUUID(), card: card('4242424242424242') } });
    await graphql(app, CANCEL, { id: booking.id });
    const mails = await mailOf(email);
    expect(mails.map((mail) => mail.kind)).toEqual(['confirmation', 'cancellation']);
    expect(mails[0].subject).toContain(booking.orderCode);
    expect(mails[0].body).toContain('2 × Balcony');
    // The link opens the booking for its shopper: it carries the secret a guest needs.
    expect(mails[0].body).toMatch(new RegExp(`https://tickets.example/bookings/${booking.id}\\?access=[\\w-]{43}\\b`));
    expect(mails[1].body).toContain('$90.00 is on its way back to your card');
  });

  it('sends each email once when two senders run at once, and keeps a failed one for the next run', async () => {
    const email = `fan-${crypto.randomUUID()}@example.com`;
    const booking = await heldBooking(email);
    await graphql(app, PAY, { input: { bookingId: booking.id, idempotencyKey: crypto.randomUUID(), card: card('4242424242424242') } });
    const delivered: string[] = [];
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const recording = { sendMail: async (mail: { to: string; subject: string }) => { delivered.push(mail.to); return transport.sendMail(mail); } };
    // Other tests write emails too; send until this one is out, from two senders at once.
    for (let run = 0; run < 50 && !delivered.includes(email); run++) {
      await Promise.all([sendOutbox(app.db, recording as never, 'shop@example.com'), sendOutbox(app.db, recording as never, 'shop@example.com')]);
    }
    expect(delivered.filter((to) => to === email)).toHaveLength(1);
    const [mail] = await mailOf(email);
    expect(mail.sentAt).not.toBeNull();

    const failing = { sendMail: async () => { throw new Error('SMTP said no'); } };
    const other = `fan-${crypto.randomUUID()}@example.com`;
    const second = await heldBooking(other);
    await graphql(app, PAY, { input: { bookingId: second.id, idempotencyKey: crypto.randomUUID(), card: card('4242424242424242') } });
    await sendOutbox(app.db, failing, 'shop@example.com', { batchSize: 1_000 });
    const [kept] = await mailOf(other);
    expect(kept).toMatchObject({ sentAt: null, lastError: 'SMTP said no' });
    expect(kept.attempts).toBeGreaterThanOrEqual(1);
  });
});

/** Confirmations for `count` new shoppers, unsent; their recipients. */
async function confirmations(count: number) {
  const recipients = Array.from({ length: count }, () => `fan-${crypto.randomUUID()}@example.com`);
  for (const email of recipients) {
    const booking = await heldBooking(email);
    await graphql(app, PAY, { input: { bookingId: booking.id, idempotencyKey: crypto.randomUUID(), card: card('4242424242424242') } });
  }
  return recipients;
}

/** A real nodemailer transport that records each send and, while `gate` is set, waits for it before sending. */
function slowTransport() {
  const json = nodemailer.createTransport({ jsonTransport: true });
  const delivered: string[] = [];
  let open = () => {};
  let firstSend = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  const started = new Promise<void>((resolve) => (firstSend = resolve));
  const transport = {
    sendMail: async (mail: { to: string; subject: string }) => {
      firstSend();
      await gate;
      delivered.push(mail.to);
      return json.sendMail(mail);
    },
  };
  return { transport, delivered, started, open };
}

describe('the outbox lease', () => {
  it('holds no lock or transaction while SMTP is slow, and a second sender never sends what the first claimed', async () => {
    const recipients = await confirmations(3);
    const slow = slowTransport();
    const first = sendOutbox(app.db, slow.transport, 'shop@example.com', { batchSize: 1_000 });
    await slow.started;
    // Mid-send: every email of ours is claimed, and none is locked (NOWAIT fails at once on a locked row).
    const client = new pg.Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT id FROM outbox_emails WHERE recipient = ANY($1) FOR UPDATE NOWAIT', [recipients]);
      expect(rows).toHaveLength(3);
    } finally {
      await client.end();
    }
    const fast = slowTransport();
    fast.open();
    await Promise.all([sendOutbox(app.db, fast.transport, 'shop@example.com', { batchSize: 1_000 }), sendOutbox(app.db, fast.transport, 'shop@example.com', { batchSize: 1_000 })]);
    expect(fast.delivered.filter((to) => recipients.includes(to))).toEqual([]);
    slow.open();
    await first;
    expect(slow.delivered.filter((to) => recipients.includes(to)).sort()).toEqual([...recipients].sort());
    const rows = await app.db.select().from(outboxEmails).where(inArray(outboxEmails.recipient, recipients));
    expect(rows.every((row) => row.sentAt !== null && row.claimedUntil === null && row.attempts === 1)).toBe(true);
  });

  it('sends each email exactly once when eight senders race in small batches', async () => {
    const recipients = await confirmations(12);
    const race = slowTransport();
    race.open();
    for (let run = 0; run < 50 && !recipients.every((to) => race.delivered.includes(to)); run++) {
      await Promise.all(Array.from({ length: 8 }, () => sendOutbox(app.db, race.transport, 'shop@example.com', { batchSize: 3 })));
    }
    const ours = race.delivered.filter((to) => recipients.includes(to));
    expect(ours.sort()).toEqual([...recipients].sort());
  });

  it('hands back the rest of its batch once half its lease is gone, instead of sending past it', async () => {
    const recipients = await confirmations(3);
    const slow = slowTransport();
    const leaseMs = 200;
    const run = sendOutbox(app.db, slow.transport, 'shop@example.com', { batchSize: 1_000, leaseMs });
    await slow.started;
    const sending = performance.now();
    // The condition is the time itself: SMTP answers only after half the lease has gone.
    while (performance.now() <= sending + leaseMs / 2) await new Promise((resolve) => setTimeout(resolve, 10));
    slow.open();
    expect(await run).toBe(1);
    const left = (await app.db.select().from(outboxEmails).where(inArray(outboxEmails.recipient, recipients))).filter((row) => row.sentAt === null);
    expect(left.length).toBeGreaterThanOrEqual(2);
    expect(left.every((row) => row.claimedUntil === null)).toBe(true);
    const next = slowTransport();
    next.open();
    await sendOutbox(app.db, next.transport, 'shop@example.com', { batchSize: 1_000 });
    expect([...slow.delivered, ...next.delivered].filter((to) => recipients.includes(to)).sort()).toEqual([...recipients].sort());
  });

  it('sends again, after its lease, an email whose sender died mid-send (at least once)', async () => {
    const [recipient] = await confirmations(1);
    const dead = slowTransport();
    const dying = sendOutbox(app.db, dead.transport, 'shop@example.com', { batchSize: 1_000 });
    await dead.started; // claimed, and stuck in SMTP for good
    const next = slowTransport();
    next.open();
    await sendOutbox(app.db, next.transport, 'shop@example.com', { batchSize: 1_000 });
    expect(next.delivered).not.toContain(recipient);
    // The lease runs out (moved into the past rather than waited for).
    await app.db.update(outboxEmails).set({ claimedUntil: sql`now() - interval '1 second'` }).where(eq(outboxEmails.recipient, recipient));
    await sendOutbox(app.db, next.transport, 'shop@example.com', { batchSize: 1_000 });
    expect(next.delivered.filter((to) => to === recipient)).toHaveLength(1);
    const [mail] = await mailOf(recipient);
    expect(mail).toMatchObject({ sentAt: expect.any(Date), claimedUntil: null, attempts: 2 });
    // The first sender comes back late: the email stays sent, as the second sender left it.
    dead.open();
    await dying;
    expect(await mailOf(recipient)).toEqual([mail]);
  });
});

describe('the development mailbox', () => {
  it('shows what a shopper would get, and does not exist in production', async () => {
    const email = `fan-${crypto.randomUUID()}@example.com`;
    const booking = await heldBooking(email);
    await graphql(app, PAY, { input: { bookingId: booking.id, idempotencyKey: crypto.randomUUID(), card: card('4242424242424242') } });
    const { port } = await app.start(0, '127.0.0.1');
    const answer = await (await fetch(`http://127.0.0.1:${port}/dev/mailbox?to=${encodeURIComponent(email)}`)).json();
    expect(answer.emails).toMatchObject([{ kind: 'confirmation', to: email, subject: expect.stringContaining(booking.orderCode) }]);

    const production = createTestApp({ production: true });
    const started = await production.start(0, '127.0.0.1');
    expect((await fetch(`http://127.0.0.1:${started.port}/dev/mailbox`)).status).toBe(404);
    await production.stop();
  });
});
