import { afterAll, describe, expect, inject, it } from 'vitest';
import { accessTokenOf, bookingIdOf, readBooking, readConcert, tierNamed } from './support/api';
import { screenshot, useBrowser } from './support/browser';
import { dropFirstResponse } from './support/network';
import { holdTickets, payWithCard } from './support/checkout';
import { closeDatabase, createConcert } from './support/concerts';

const baseUrl = inject('baseUrl');
const browser = useBrowser(baseUrl);
afterAll(closeDatabase);

const available = async (concertId: string, tier: string) => tierNamed(await readConcert(baseUrl, concertId), tier).available;

describe('checkout', () => {
  it('holds, survives a declined card, pays, shows the order code and its email, then cancels with a refund', async () => {
    const concert = await createConcert();
    const vipBefore = tierNamed(concert, 'VIP').available;
    const { page, problems } = await browser().open(`/concerts/${encodeURIComponent(concert.id)}`);
    await holdTickets(page, 'VIP', 2, 'checkout-fan@example.com');
    const bookingId = bookingIdOf(page.url());
    const accessToken = accessTokenOf(page.url());
    expect(accessToken, 'the hold leads to the booking by its secret link').toBeTruthy();
    // Held tickets leave availability at once.
    expect(await available(concert.id, 'VIP')).toBe(vipBefore - 2);
    expect(await page.getByTestId('hold-countdown').textContent()).toMatch(/^(10:00|9:\d\d)$/);
    await screenshot(page, 'checkout-hold', { docs: true });

    await page.getByText('Test cards (no real card is charged)').click();
    await page.getByRole('button', { name: '4000 0000 0000 0002' }).click();
    await page.getByRole('button', { name: 'Pay $200.00' }).click();
    await page.getByText('Your card was declined. Your tickets are still held: try another card.').waitFor();
    await screenshot(page, 'checkout-declined', { docs: true });
    expect(await available(concert.id, 'VIP')).toBe(vipBefore - 2);

    await payWithCard(page, '4242 4242 4242 4242');
    await page.getByRole('heading', { name: 'You’re going!' }).waitFor();
    const orderCode = (await page.getByTestId('order-code').textContent()) ?? '';
    expect(orderCode).toMatch(/^[A-Z2-9]{6,8}$/);
    // This server has no SMTP: the page must not claim an email was sent.
    await page.getByText('This server sends no email, so nothing was sent to').waitFor();
    expect(await page.getByTestId('payment').allTextContents()).toEqual([
      expect.stringMatching(/Card ending 0002 · \$200\.00 · Declined/),
      expect.stringMatching(/Card ending 4242 · \$200\.00 · Paid/),
    ]);
    await screenshot(page, 'checkout-confirmed', { docs: true });

    await page.getByRole('link', { name: 'See the email in the development mailbox' }).click();
    const email = page.locator('.mailbox__email', { hasText: orderCode });
    await email.getByRole('heading', { name: `Your tickets for ${concert.name} — order ${orderCode}` }).waitFor();
    await screenshot(page, 'mailbox', { docs: true });
    // The email links back to the booking page.
    await email.getByRole('link', { name: /\/bookings\// }).click();
    await page.getByRole('heading', { name: 'You’re going!' }).waitFor();

    await page.getByRole('button', { name: 'Cancel booking' }).click();
    await page.getByText('The tickets go back on sale and $200.00 is refunded to your card.').waitFor();
    await page.getByRole('button', { name: 'Yes, cancel and refund' }).click();
    await page.getByRole('heading', { name: 'Booking cancelled' }).waitFor();
    await page.getByText('$200.00 was refunded to your card.').waitFor();
    await screenshot(page, 'booking-cancelled', { docs: true });

    // Inventory and money balance: the tickets are back, the one charge is refunded in full.
    expect(await available(concert.id, 'VIP')).toBe(vipBefore);
    const booking = await readBooking(baseUrl, bookingId, accessToken);
    expect(booking.status).toBe('CANCELLED');
    expect(booking.payments.map((p) => [p.status, p.amount.cents, p.refunded.cents])).toEqual([
      ['DECLINED', 20_000, 0],
      ['REFUNDED', 20_000, 20_000],
    ]);
    expect(problems).toEqual([]);
  });

  it('waits for a card the bank confirms later, and confirms by itself', async () => {
    const concert = await createConcert();
    const { page, problems } = await browser().open(`/concerts/${encodeURIComponent(concert.id)}`);
    await holdTickets(page, 'Front Row', 1, 'slow-bank@example.com');
    await payWithCard(page, '4000 0000 0000 3220');
    await page.getByText('Your bank is confirming the payment.').waitFor();
    await screenshot(page, 'checkout-processing', { docs: true });
    await page.getByRole('heading', { name: 'You’re going!' }).waitFor({ timeout: 20_000 });
    const booking = await readBooking(baseUrl, bookingIdOf(page.url()), accessTokenOf(page.url()));
    expect(booking.payments.map((p) => p.status)).toEqual(['SUCCEEDED']);
    expect(problems).toEqual([]);
  });

  it('a lost payment response is retried with the same key: charged once', async () => {
    const concert = await createConcert();
    const { page, problems } = await browser().open(`/concerts/${encodeURIComponent(concert.id)}`, { beforeNavigate: (page) => dropFirstResponse(page, 'PayForBooking') });
    await holdTickets(page, 'General Admission', 3, 'flaky-wifi@example.com');
    await payWithCard(page, '4242 4242 4242 4242');
    await page.getByText(/we don’t know yet whether your payment went through/).waitFor();
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'You’re going!' }).waitFor();
    const booking = await readBooking(baseUrl, bookingIdOf(page.url()), accessTokenOf(page.url()));
    expect(booking.payments.map((p) => [p.status, p.amount.cents])).toEqual([['SUCCEEDED', 3_000]]);
    expect(problems.filter((line) => !line.includes('ERR_CONNECTION_RESET'))).toEqual([]);
  });

  it('counts down from the server’s time and puts the tickets back on sale when the hold ends', async () => {
    const concert = await createConcert({ holdSeconds: 4 });
    const before = tierNamed(concert, 'VIP').available;
    const { page, problems } = await browser().open(`/concerts/${encodeURIComponent(concert.id)}`);
    await holdTickets(page, 'VIP', 1, 'too-slow@example.com');
    expect(await page.getByTestId('hold-countdown').textContent()).toMatch(/^0:0[1-4]$/);
    await page.getByText('Your hold has ended and the tickets are back on sale. Nothing was charged.').first().waitFor({ timeout: 10_000 });
    await page.getByRole('heading', { name: 'Your hold has ended' }).waitFor({ timeout: 10_000 });
    expect(await available(concert.id, 'VIP')).toBe(before);
    expect((await readBooking(baseUrl, bookingIdOf(page.url()), accessTokenOf(page.url()))).status).toBe('EXPIRED');
    await screenshot(page, 'checkout-expired', { docs: true });
    expect(problems).toEqual([]);
  });

  it('gives the tickets back when the shopper gives up the hold', async () => {
    const concert = await createConcert();
    const before = tierNamed(concert, 'VIP').available;
    const { page, problems } = await browser().open(`/concerts/${encodeURIComponent(concert.id)}`);
    await holdTickets(page, 'VIP', 2, 'changed-my-mind@example.com');
    await page.getByRole('button', { name: 'Give up these tickets' }).click();
    await page.getByRole('heading', { name: 'Booking cancelled' }).waitFor();
    expect(await available(concert.id, 'VIP')).toBe(before);
    expect(problems).toEqual([]);
  });

  it('fits a phone-sized screen without sideways scrolling', async () => {
    const concert = await createConcert();
    const { page, problems } = await browser().open(`/concerts/${encodeURIComponent(concert.id)}`, { viewport: { width: 375, height: 740 } });
    await holdTickets(page, 'VIP', 1, 'phone-fan@example.com');
    await page.getByText('Test cards (no real card is charged)').click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, 'checkout-phone');
    expect(problems).toEqual([]);
  });
});
