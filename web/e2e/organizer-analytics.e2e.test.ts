import { afterAll, describe, expect, inject, it } from 'vitest';
import { readConcert } from './support/api';
import { screenshot, useBrowser, waitUntilLive } from './support/browser';
import { holdTickets, payWithCard } from './support/checkout';
import { closeDatabase } from './support/concerts';
import { createConcertAsOrganizer, openAsOrganizer } from './support/organizer';

const baseUrl = inject('baseUrl');
const browser = useBrowser(baseUrl);
// A second person, with a profile (and session) of their own.
const shopperBrowser = useBrowser(baseUrl);
afterAll(closeDatabase);

describe('organizer back office: sales figures and cancelling a concert', () => {
  it('shows a sale on the open analytics page without a reload, exports it, then cancels the concert and refunds the shopper', async () => {
    const { page, problems } = await openAsOrganizer(browser(), '/organizer');
    const name = `Analytics test ${crypto.randomUUID().slice(0, 8)}`;
    const concertId = await createConcertAsOrganizer(page, name);
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByTestId('sales-controls-status').getByText('Published: shoppers can see this concert.').waitFor();

    // The dashboard is reached from the concert's page, and opens on an intentional empty state.
    await page.getByRole('link', { name: 'Sales figures' }).click();
    await page.getByRole('heading', { name: `Sales · ${name}` }).waitFor();
    // It stays open in a tab of its own while the organizer works on.
    const dashboard = await browser().open(`/organizer/concerts/${encodeURIComponent(concertId)}/analytics`);
    await dashboard.page.getByTestId('total-tickets').getByText('0', { exact: true }).waitFor();
    await dashboard.page.getByText('No confirmed sales in this range yet.').waitFor();
    await waitUntilLive(dashboard, await readConcert(baseUrl, concertId));

    // A shopper, in a browser of their own, holds two VIP tickets and pays.
    const email = `fan-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const shopper = await shopperBrowser().open(`/concerts/${encodeURIComponent(concertId)}`);
    await holdTickets(shopper.page, 'VIP', 2, email);
    await payWithCard(shopper.page, '4242 4242 4242 4242');
    await shopper.page.getByRole('heading', { name: 'You’re going!' }).waitFor();

    // The open dashboard hears of it: figures, the charts' tables, sell-through and statuses.
    const figures = dashboard.page;
    await figures.getByTestId('total-tickets').getByText('2', { exact: true }).waitFor();
    await figures.getByTestId('total-revenue').getByText('$200.00').waitFor();
    await figures.getByTestId('over-time-summary').getByText('2 tickets sold for $200.00', { exact: false }).waitFor();
    const revenueTable = figures.getByRole('table', { name: 'Revenue by tier' });
    expect(await revenueTable.getByRole('row', { name: /^VIP/ }).textContent()).toBe('VIP2$200.00');
    expect(await revenueTable.getByRole('row', { name: /^Front Row/ }).textContent()).toBe('Front Row0$0.00');
    await figures.getByRole('img', { name: 'VIP: 2 of 20 sold (10%), 0 held' }).waitFor();
    const statuses = figures.getByTestId('holds-vs-confirmed');
    expect(await statuses.getByText('Confirmed', { exact: true }).locator('xpath=following-sibling::dd').textContent()).toBe('2');
    expect(await figures.locator('.chart canvas').count()).toBeGreaterThanOrEqual(2);
    await screenshot(figures, 'organizer-analytics', { docs: true });

    // Narrowing the range re-reads it: the sale is within the last hour, per minute.
    await figures.getByRole('button', { name: 'Last hour' }).click();
    expect(await figures.getByLabel('Buckets').inputValue()).toBe('MINUTE');
    await figures.getByTestId('over-time-summary').getByText('over 1 minute with sales', { exact: false }).waitFor();

    // The orders export carries the shopper's order.
    await page.goto(`/organizer/concerts/${encodeURIComponent(concertId)}/orders`);
    const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(email);

    // Cancelling takes the concert's name typed back; the job then reports its refunds to the end.
    await page.goto(`/organizer/concerts/${encodeURIComponent(concertId)}`);
    await page.getByRole('button', { name: 'Cancel concert' }).click();
    const confirm = page.getByRole('form', { name: 'Confirm cancelling the concert' });
    await confirm.getByLabel('Reason (shoppers are told)').fill('The venue flooded');
    const go = confirm.getByRole('button', { name: 'Cancel concert and refund everyone' });
    await confirm.getByLabel(/to confirm$/).fill(name.slice(0, -1));
    expect(await go.isDisabled()).toBe(true);
    await confirm.getByLabel(/to confirm$/).fill(name);
    await go.click();
    const progress = page.getByTestId('cancellation-progress');
    await progress.waitFor();
    await page.locator('[data-testid="cancellation-progress"][data-status="DONE"]').waitFor({ timeout: 30_000 });
    expect(await progress.getByTestId('cancellation-detail').textContent()).toBe('1 of 1 booking cancelled · $200.00 refunded.');
    await screenshot(page, 'organizer-cancel-concert');

    // The dashboard, still open, saw the booking leave revenue; the shopper's booking says what happened.
    await figures.getByTestId('total-revenue').getByText('$0.00').waitFor();
    await shopper.page.reload();
    await shopper.page.getByText('$200.00 was refunded to your card.').waitFor();
    await shopper.page.getByText('Booking cancelled').first().waitFor();

    expect(problems).toEqual([]);
    expect(dashboard.problems).toEqual([]);
    expect(shopper.problems).toEqual([]);
  });
});
