import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bookAsAnotherClient, listConcerts, tierNamed } from './support/api';
import { leadingNumber, screenshot, useBrowser, waitUntilLive } from './support/browser';
import { payWithCard } from './support/checkout';
import { closeDatabase, createConcert, standardTiers } from './support/concerts';

const baseUrl = inject('baseUrl');
const browser = useBrowser(baseUrl);
afterAll(closeDatabase);

// Tests add concerts on every run, so a concert's card may be on a later page.
async function cardOf(page: Page, name: string) {
  const card = page.locator('.concert-card', { has: page.getByRole('heading', { name, exact: true }) });
  await page.locator('.concert-card').first().waitFor();
  while ((await card.count()) === 0) {
    const more = page.getByRole('button', { name: 'Load more concerts' });
    if ((await more.count()) === 0) throw new Error(`${name} is not in the catalogue`);
    const shown = await page.locator('.concert-card').count();
    await more.click();
    await expect.poll(() => page.locator('.concert-card').count()).toBeGreaterThan(shown);
  }
  return card;
}

describe('shopping', () => {
  it('browses the catalogue, books on a concert page and lands on the confirmation', async () => {
    const concert = await createConcert();
    const { page, problems, documentTexts } = await browser().open('/');
    const card = await cardOf(page, concert.name);
    await expect.poll(() => card.getByTestId('availability-summary').textContent()).toMatch(/left|Sold out/);

    await card.locator('h2 a').click();
    await page.getByRole('heading', { level: 1, name: concert.name }).waitFor();

    const gaRow = page.locator('[data-testid="tier"]', { hasText: 'General Admission' });
    const before = tierNamed(concert, 'General Admission').available;
    expect(leadingNumber(await gaRow.getByTestId('tier-available').textContent())).toBe(before);
    await page.getByLabel('Quantity of General Admission tickets').selectOption('2');
    await page.getByLabel('Email for your tickets').fill('e2e-shopper@example.com');
    await expect.poll(() => page.getByTestId('order-total').textContent()).toBe('$20.00');
    await page.getByRole('button', { name: 'Continue to payment' }).click();

    await page.waitForURL(/\/bookings\//);
    await page.getByRole('heading', { name: 'Complete your order' }).waitFor();
    await payWithCard(page, '4242 4242 4242 4242');
    await page.getByRole('heading', { name: 'You’re going!' }).waitFor();
    const row = page.locator('.booking-items tbody tr', { hasText: 'General Admission' });
    expect(await row.locator('td').allTextContents()).toEqual(['2', '$10.00', '$20.00']);
    expect(await page.getByTestId('booking-total').textContent()).toBe('$20.00');

    // The confirmation is a real URL: it loads on its own.
    await page.reload();
    await page.getByRole('heading', { name: 'You’re going!' }).waitFor();
    expect(await page.getByTestId('order-code').textContent()).toMatch(/^[A-Z2-9]{6,8}$/);

    await page.getByRole('link', { name: 'Back to the concert' }).click();
    await expect
      .poll(async () => leadingNumber(await gaRow.getByTestId('tier-available').textContent()))
      .toBe(before - 2);
    expect(problems).toEqual([]);
    // Queries, the mutation and subscriptions all went by persisted hash, so
    // the app also works against a server that only runs trusted documents.
    expect(documentTexts).toEqual([]);
  });

  it('pages through the whole catalogue with "Load more"', async () => {
    const mine = await createConcert();
    const concerts = await listConcerts(baseUrl);
    expect(concerts.map((concert) => concert.name)).toContain(mine.name);
    const { page, problems } = await browser().open('/');
    const cards = page.locator('.concert-card');
    await cards.first().waitFor();
    while ((await page.getByRole('button', { name: 'Load more concerts' }).count()) > 0) {
      const shown = await cards.count();
      await page.getByRole('button', { name: 'Load more concerts' }).click();
      await expect.poll(() => cards.count()).toBeGreaterThan(shown);
    }
    const names = (await cards.locator('h2').allTextContents()).map((name) => name.trim());
    expect(names).toEqual(concerts.map((concert) => concert.name));
    await screenshot(page, 'catalogue');
    expect(problems).toEqual([]);
  });

  it('moves availability on an open concert page when another client books', async () => {
    // Shown in the README: a Los Angeles show must read 7:30 PM Los Angeles time, whatever the machine's zone.
    const concert = await createConcert({
      name: 'Pacific Lights',
      venue: 'Greek Theatre, Los Angeles',
      startsAt: '2027-09-18T19:30:00-07:00',
      timeZone: 'America/Los_Angeles',
    });
    const ga = tierNamed(concert, 'General Admission');
    const tracked = await browser().open(`/concerts/${encodeURIComponent(concert.id)}`);
    const { page, problems } = tracked;
    await waitUntilLive(tracked, concert);
    await page.getByText(/7:30\sPM/).waitFor();

    const gaCount = page.locator(`[data-tier-id="${ga.id}"] [data-testid="tier-available"]`);
    const before = leadingNumber(await gaCount.textContent());
    await bookAsAnotherClient(baseUrl, concert.id, [{ tierId: ga.id, quantity: 3 }]);

    await expect.poll(async () => leadingNumber(await gaCount.textContent()), { timeout: 10_000 }).toBe(before - 3);
    // An order in progress makes the screenshot show the whole form at work.
    await page.getByLabel('Quantity of Front Row tickets').selectOption('2');
    await page.getByLabel('Email for your tickets').fill('fan@example.com');
    await screenshot(page, 'concert-page', { docs: true });
    expect(problems).toEqual([]);
  });

  it('shows a sold-out tier that cannot be picked', async () => {
    const concert = await createConcert({ tiers: [{ ...standardTiers[0]!, available: 4 }, ...standardTiers.slice(1)] });
    const vip = tierNamed(concert, 'VIP');
    // Sell the tier out from outside.
    await bookAsAnotherClient(baseUrl, concert.id, [{ tierId: vip.id, quantity: 4 }]);
    const { page, problems } = await browser().open(`/concerts/${encodeURIComponent(concert.id)}`);
    const row = page.locator(`[data-tier-id="${vip.id}"]`);
    await row.getByText('Sold out').waitFor();
    expect(await page.getByLabel('Quantity of VIP tickets').isDisabled()).toBe(true);
    await screenshot(page, 'concert-sold-out');
    expect(problems).toEqual([]);
  });

  it('books with the keyboard alone', async () => {
    const concert = await createConcert();
    const { page, problems } = await browser().open(`/concerts/${encodeURIComponent(concert.id)}`);
    const frontRowPicker = page.getByLabel('Quantity of Front Row tickets');
    await frontRowPicker.waitFor();
    await frontRowPicker.focus();
    await page.keyboard.press('ArrowDown');
    expect(await frontRowPicker.inputValue()).toBe('1');
    // Tab order follows the page: the next tier's picker, then the email.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('customer-email');
    await page.keyboard.type('keyboard-fan@example.com');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/bookings\//);
    await page.getByRole('heading', { name: 'Complete your order' }).waitFor();
    // Focus moved to the new page's content, not left on a vanished button.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(await page.title()).toBe('Checkout · Encore Tickets');
    // The card form is the next thing a keyboard reaches, and Enter pays.
    await page.getByLabel('Card number').focus();
    await page.keyboard.type('4242424242424242');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1230');
    await page.keyboard.press('Tab');
    await page.keyboard.type('123');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'You’re going!' }).waitFor();
    expect(problems).toEqual([]);
  });

  it.each(['/', '/concerts/:first', '/dashboard'])('fits a phone-sized screen without sideways scrolling: %s', async (route) => {
    const concert = await createConcert();
    const path = route.replace(':first', encodeURIComponent(concert.id));
    const { page, problems } = await browser().open(path, { viewport: { width: 375, height: 740 } });
    await page.locator('h1').first().waitFor();
    await page.locator('[role="status"].state--loading').waitFor({ state: 'detached' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const name = route === '/' ? 'catalogue' : route.split('/')[1];
    await screenshot(page, `phone-${name}`);
    expect(problems).toEqual([]);
  });
});
