import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { bookAsAnotherClient, concertAt, listConcerts, tierNamed } from './support/api';
import { leadingNumber, screenshotDir, useBrowser, waitUntilLive } from './support/browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser(baseUrl);

describe('live inventory dashboard', () => {
  it('shows every concert and moves sold counts and revenue live', async () => {
    const concerts = await listConcerts(baseUrl);
    const { page, problems } = await browser().open('/dashboard');
    await waitUntilLive(page);
    await expect.poll(() => page.locator('.dashboard-concert').count()).toBe(concerts.length);

    const concert = concertAt(concerts, 0);
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
    await page.screenshot({ path: join(screenshotDir, 'dashboard.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});
