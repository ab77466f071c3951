import { afterAll, describe, expect, inject, it } from 'vitest';
import { bookAsAnotherClient, readConcert, tierNamed } from './support/api';
import { leadingNumber, useBrowser } from './support/browser';
import { dropFirstResponse } from './support/network';
import { closeDatabase, createConcert, standardTiers } from './support/concerts';

const baseUrl = inject('baseUrl');
const browser = useBrowser(baseUrl);
afterAll(closeDatabase);

describe('booking when things go wrong', () => {
  it('retries a lost response with the same key: one hold, not two', async () => {
    const concert = await createConcert();
    const frontRow = tierNamed(concert, 'Front Row');
    const { page, problems } = await browser().open(`/concerts/${encodeURIComponent(concert.id)}`, { beforeNavigate: (page) => dropFirstResponse(page, 'HoldTickets') });
    await page.getByLabel('Quantity of Front Row tickets').selectOption('3');
    await page.getByLabel('Email for your tickets').fill('unlucky-network@example.com');
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await page.getByText(/could not reach the box office/).waitFor();
    await page.getByRole('button', { name: 'Try again' }).click();

    await page.waitForURL(/\/bookings\//);
    await page.getByText('This order had already been placed').waitFor();
    expect(tierNamed(await readConcert(baseUrl, concert.id), 'Front Row').available).toBe(frontRow.available - 3);
    // The dropped connection is the one failure we caused on purpose.
    expect(problems.filter((line) => !line.includes('ERR_CONNECTION_RESET'))).toEqual([]);
  });

  it('says what is left when the tier sold out while the page was not listening', async () => {
    const concert = await createConcert({ tiers: [{ ...standardTiers[0]!, available: 5 }, ...standardTiers.slice(1)] });
    const vip = tierNamed(concert, 'VIP');
    let bookRequests = 0;
    const { page, problems } = await browser().open(`/concerts/${encodeURIComponent(concert.id)}`, {
      // Keep live updates away, so the page still offers tickets that are gone.
      beforeNavigate: async (page) => {
        await page.routeWebSocket(/\/graphql$/, () => undefined);
        page.on('request', (request) => {
          if (request.url().endsWith('/graphql') && request.method() === 'POST') bookRequests += 1;
        });
      },
    });
    await page.getByLabel('Quantity of VIP tickets').selectOption('5');
    await page.getByLabel('Email for your tickets').fill('too-late@example.com');
    await bookAsAnotherClient(baseUrl, concert.id, [{ tierId: vip.id, quantity: 3 }]);
    const requestsBefore = bookRequests;

    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await page.getByText('Only 2 VIP tickets left.', { exact: false }).waitFor();
    // The sold-out answer carries the tier, so the cache shows the truth and
    // the picker holds the order until it fits, without a second request.
    const count = page.locator(`[data-tier-id="${vip.id}"] [data-testid="tier-available"]`);
    await expect.poll(async () => leadingNumber(await count.textContent())).toBe(2);
    expect(bookRequests - requestsBefore).toBe(1);
    expect(await page.getByRole('button', { name: 'Continue to payment' }).isDisabled()).toBe(true);
    await page.getByLabel('Quantity of VIP tickets').selectOption('2');
    expect(await page.getByRole('button', { name: 'Continue to payment' }).isDisabled()).toBe(false);
    expect(page.url()).not.toMatch(/bookings/);
    expect(problems).toEqual([]);
  });
});
