import { describe, expect, inject, it } from 'vitest';
import { bookAsAnotherClient, concertAt, listConcerts, tierNamed } from './support/api';
import { leadingNumber, useBrowser } from './support/browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser(baseUrl);

describe('booking when things go wrong', () => {
  it('retries a lost response with the same key: one booking, not two', async () => {
    const concert = concertAt(await listConcerts(baseUrl), 4);
    const frontRow = tierNamed(concert, 'Front Row');
    let dropped = 0;
    const { page, problems } = await browser().open(`/concerts/${encodeURIComponent(concert.id)}`, {
      // The first booking request reaches the server and is booked, but the
      // browser never hears back: the case idempotency keys exist for.
      beforeNavigate: (page) =>
        page.route('**/graphql', async (route) => {
          const body = route.request().postDataJSON() as { operationName?: string } | null;
          if (body?.operationName === 'BookTickets' && dropped === 0) {
            dropped += 1;
            await route.fetch();
            await route.abort('connectionreset');
            return;
          }
          await route.fallback();
        }),
    });
    const count = page.locator(`[data-tier-id="${frontRow.id}"] [data-testid="tier-available"]`);
    await count.waitFor();
    const before = leadingNumber(await count.textContent());

    await page.getByLabel('Quantity of Front Row tickets').selectOption('3');
    await page.getByLabel('Email for your tickets').fill('unlucky-network@example.com');
    await page.getByRole('button', { name: 'Book' }).click();
    await page.getByText(/could not reach the box office/).waitFor();
    await page.getByRole('button', { name: 'Try again' }).click();

    await page.waitForURL(/\/bookings\//);
    await page.getByText('This booking had already gone through').waitFor();
    const after = tierNamed(concertAt(await listConcerts(baseUrl), 4), 'Front Row').available;
    expect(before - after).toBe(3);
    // The dropped connection is the one failure we caused on purpose.
    expect(problems.filter((line) => !line.includes('ERR_CONNECTION_RESET'))).toEqual([]);
  });

  it('says what is left when the tier sold out while the page was not listening', async () => {
    // Not the last concert: the sold-out test in shop.e2e.test.ts empties that one's VIP.
    const concert = (await listConcerts(baseUrl)).slice(0, -1).find((c) => tierNamed(c, 'VIP').available >= 3);
    if (!concert) throw new Error('no concert has 3 VIP tickets left to test with');
    const vip = tierNamed(concert, 'VIP');
    const { page, problems } = await browser().open(`/concerts/${encodeURIComponent(concert.id)}`, {
      // Keep live updates away, so the page still offers tickets that are gone.
      beforeNavigate: (page) => page.routeWebSocket(/\/graphql$/, () => undefined),
    });
    await page.getByLabel('Quantity of VIP tickets').selectOption('5');
    await page.getByLabel('Email for your tickets').fill('too-late@example.com');
    for (let left = vip.available; left > 2; left -= 10) {
      await bookAsAnotherClient(baseUrl, concert.id, [{ tierId: vip.id, quantity: Math.min(10, left - 2) }]);
    }

    await page.getByRole('button', { name: 'Book' }).click();
    await page.getByText('Only 2 VIP tickets left.', { exact: false }).waitFor();
    // The sold-out answer re-reads availability into the cache, so the
    // picker now shows the truth and holds the order until it fits.
    const count = page.locator(`[data-tier-id="${vip.id}"] [data-testid="tier-available"]`);
    await expect.poll(async () => leadingNumber(await count.textContent())).toBe(2);
    expect(await page.getByRole('button', { name: 'Book' }).isDisabled()).toBe(true);
    expect(page.url()).not.toMatch(/bookings/);
    expect(problems).toEqual([]);
  });
});
