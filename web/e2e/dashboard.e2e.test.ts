import { afterAll, describe, expect, inject, it } from 'vitest';
import { bookAsAnotherClient, listConcerts, tierNamed } from './support/api';
import { leadingNumber, screenshot, useBrowser, waitUntilLive } from './support/browser';
import { closeDatabase, createConcert } from './support/concerts';

const baseUrl = inject('baseUrl');
const browser = useBrowser(baseUrl);
afterAll(closeDatabase);

describe('live inventory dashboard', () => {
  it('shows every concert and moves the tickets taken live, with no revenue on this public page', async () => {
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
    const taken = row.getByTestId('dashboard-taken');
    const before = leadingNumber(await taken.textContent());
    const totalBefore = Number((await page.getByTestId('summary-taken').textContent())?.replace(/,/g, ''));

    // Another client books four; the page says that taken means sold or held, and shows no money.
    await bookAsAnotherClient(baseUrl, concert.id, [{ tierId: frontRow.id, quantity: 4 }]);

    await expect.poll(async () => leadingNumber(await taken.textContent()), { timeout: 10_000 }).toBe(before + 4);
    await expect
      .poll(async () => Number((await page.getByTestId('summary-taken').textContent())?.replace(/,/g, '')) - totalBefore)
      .toBeGreaterThanOrEqual(4);
    await page.getByText('Tickets taken (sold or held)', { exact: true }).waitFor();
    expect(await page.getByText(/revenue/i).count()).toBe(0);
    expect(await page.getByText('$').count()).toBe(0);
    // The top of the page: the README shows the summary and the first concerts, not every test's.
    await screenshot(page, 'dashboard', { docs: true, fullPage: false });
    expect(problems).toEqual([]);
  });
});
