import nodemailer from 'nodemailer';
import { afterAll, describe, expect, it } from 'vitest';
import { sendOutbox } from '../src/emails/outbox-sender.ts';
import { readConfig } from '../src/config.ts';
import { bookingInput, createConcert, createTestApp, graphql, type TestApp } from './support/test-app.ts';

// What the booking page may tell a shopper about their email, and how long their hold has left.

const development = createTestApp();
const production = createTestApp({ production: true });
const withSmtp = createTestApp({ production: true, mailTransport: nodemailer.createTransport({ jsonTransport: true }) });
afterAll(() => Promise.all([development.stop(), production.stop(), withSmtp.stop()]));

const HOLD = /* GraphQL */ `mutation ($input: BookTicketsInput!) { holdTickets(input: $input) { ... on HoldTicketsSuccess { booking { id holdRemainingMs } } } }`;
const PAY = /* GraphQL */ `mutation ($input: PayForBookingInput!) { payForBooking(input: $input) { __typename } }`;
const READ = /* GraphQL */ `query ($id: ID!) { booking(id: $id) { status holdRemainingMs emails { kind delivery subject sentAt } } }`;

async function paidBooking(app: TestApp) {
  const { concertGid, tierGids } = await createConcert(app.db, [{ name: 'Stalls', capacity: 10, priceCents: 2_500 }]);
  const held = await graphql(app, HOLD, bookingInput(concertGid, [[tierGids[0], 1]], { customerEmail: `fan-${crypto.randomUUID()}@example.com` }));
  const booking = held.data!.holdTickets.booking as { id: string; holdRemainingMs: number };
  const card = { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123' };
  await graphql(app, PAY, { input: { bookingId: booking.id, idempotencyKey: crypto.randomUUID(), card } });
  return booking;
}
const emailsOf = async (app: TestApp, id: string) => (await graphql(app, READ, { id })).data!.booking;

describe('a booking’s emails and hold time', () => {
  it('counts the hold down from the server’s clock, and stops once paid', async () => {
    const booking = await paidBooking(development);
    // The concert's default hold is 600 s; the answer is what was left when the server replied.
    expect(booking.holdRemainingMs).toBeGreaterThan(590_000);
    expect(booking.holdRemainingMs).toBeLessThanOrEqual(600_000);
    expect((await emailsOf(development, booking.id)).holdRemainingMs).toBeNull();
  });

  it('says the confirmation is only in the development mailbox when the server sends no email', async () => {
    const booking = await paidBooking(development);
    expect((await emailsOf(development, booking.id)).emails).toEqual([
      { kind: 'CONFIRMATION', delivery: 'DEVELOPMENT_MAILBOX', subject: expect.stringContaining('Your tickets for'), sentAt: null },
    ]);
  });

  it('says nothing was sent in production without SMTP, where no mailbox exists either', async () => {
    const booking = await paidBooking(production);
    expect((await emailsOf(production, booking.id)).emails).toMatchObject([{ kind: 'CONFIRMATION', delivery: 'NOT_SENT' }]);
  });

  it('says queued, then sent, when SMTP delivers it', async () => {
    const booking = await paidBooking(withSmtp);
    expect((await emailsOf(withSmtp, booking.id)).emails).toMatchObject([{ delivery: 'QUEUED', sentAt: null }]);
    const transport = nodemailer.createTransport({ jsonTransport: true });
    // Other tests queue emails too: send until this booking's is out.
    for (let run = 0; run < 50 && (await emailsOf(withSmtp, booking.id)).emails[0].sentAt === null; run++) {
      await sendOutbox(withSmtp.db, transport, 'shop@example.com', { batchSize: 100 });
    }
    expect((await emailsOf(withSmtp, booking.id)).emails).toMatchObject([{ delivery: 'SENT', sentAt: expect.any(String) }]);
  });

  it('opens the development mailbox by default only where it cannot leak real shoppers’ email', () => {
    expect(readConfig({}).developmentMailbox).toBe(true);
    // npm start on the embedded demo database: production mode, but only demo shoppers.
    expect(readConfig({ NODE_ENV: 'production' }).developmentMailbox).toBe(true);
    expect(readConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/shop' }).developmentMailbox).toBe(false);
    expect(readConfig({ SMTP_URL: 'smtp://mail' }).developmentMailbox).toBe(false);
    expect(readConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/shop', DEV_MAILBOX: 'on' }).developmentMailbox).toBe(true);
  });
});
