import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { afterAll, describe, expect, it } from 'vitest';
import { outboxEmails } from '../src/db/schema.ts';
import { sendOutbox } from '../src/emails/outbox-sender.ts';
import { bookingInput, createConcert, createTestApp, graphql } from './support/test-app.ts';

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
    expect(mails[0].body).toContain(`https://tickets.example/bookings/${booking.id}`);
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
    await sendOutbox(app.db, failing as never, 'shop@example.com', 1_000);
    const [kept] = await mailOf(other);
    expect(kept).toMatchObject({ sentAt: null, lastError: 'SMTP said no' });
    expect(kept.attempts).toBeGreaterThanOrEqual(1);
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
