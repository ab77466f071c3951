import { afterAll, describe, expect, inject, it } from 'vitest';
import { bookAsAnotherClient, listConcerts, tierNamed } from './support/api';
import { leadingNumber, screenshot, useBrowser, waitUntilLive } from './support/browser';
import { closeDatabase, createConcert } from './support/concerts';

const baseUrl = inject('baseUrl');
const browser = useBrowser(baseUrl);
afterAll(closeDatabase);

describe('live inventory dashboard', () => {
  it('shows every concert and moves sold counts and revenue live', async () => {
    // Dated before the demo concerts, so it heads the README's screenshot with its sales.
    const concert = await createConcert({
      name: 'Harbor Lights Orchestra',
      venue: 'Carnegie Hall, New York',
      startsAt: '2027-01-20T20:00:00-05:00',
      timeZone: 'America/New_York',
    });
    const concerts = await listConcerts(baseUrl);
    const tracked = await browser().open('/dashboard');
    const { page, problems } = tracked;
    await waitUntilLive(tracked, concert);
    await expect.poll(() => page.locator('.dashboard-concert').count()).toBe(concerts.length);

    const frontRow = tierNamed(concert, 'Front Row');
    const row = page.locator(`[data-testid="dashboard-tier"][data-tier-id="${frontRow.id}"]`);
    const sold = row.getByTestId('dashboard-sold');
    const before = leadingNumber(await sold.textContent());
    const revenueBefore = await row.locator('td.num').textContent();
    const totalBefore = await page.getByTestId('summary-revenue').textContent();

    await bookAsAnotherClient(baseUrl, concert.id, [{ tierId: frontRow.id, quantity: 4 }]);

    await expect.poll(async () => leadingNumber(await sold.textContent()), { timeout: 10_000 }).toBe(before + 4);
    const revenueAfter = await row.locator('td.num').textContent();
    const dollars = (text: string | null) => Number(text?.replace(/[$,]/g, ''));
    // Front Row is $50: four more seats is $200 more.
    expect(dollars(revenueAfter) - dollars(revenueBefore)).toBe(200);
    await expect
      .poll(async () => dollars(await page.getByTestId('summary-revenue').textContent()) - dollars(totalBefore))
      .toBeGreaterThanOrEqual(200);
    // The top of the page: the README shows the summary and the first concerts, not every test's.
    await screenshot(page, 'dashboard', { docs: true, fullPage: false });
    expect(problems).toEqual([]);
  });
});
