import { afterAll, describe, expect, inject, it } from 'vitest';
import { bookingIdOf, readConcert } from './support/api';
import { screenshot, useBrowser, waitUntilLive } from './support/browser';
import { holdTickets, payWithCard } from './support/checkout';
import { closeDatabase } from './support/concerts';
import { createConcertAsOrganizer, signInAsOrganizer } from './support/organizer';

const baseUrl = inject('baseUrl');
const browser = useBrowser(baseUrl);
// A second person, with a profile (and session) of their own.
const shopperBrowser = useBrowser(baseUrl);
afterAll(closeDatabase);

describe('organizer', () => {
  it('creates and publishes a concert, finds a shopper’s order, exports it, and pauses sales on the shopper’s open page', async () => {
    const { page, problems } = await browser().open('/organizer');
    // A guest is asked to sign in, and comes back here after.
    await page.getByRole('heading', { name: 'Sign in to continue' }).waitFor();
    await page.getByRole('link', { name: 'Sign in', exact: true }).last().click();
    await signInAsOrganizer(page);
    await page.waitForURL((url) => url.pathname === '/organizer');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organizer', exact: true }).waitFor();

    // A new concert with three tiers, in the venue's own time zone.
    const name = `Organizer test ${crypto.randomUUID().slice(0, 8)}`;
    const concertId = await createConcertAsOrganizer(page, name);
    expect(await page.getByTestId('tier-row').count()).toBe(3);

    // Checked before sending, at the field; then saved.
    await page.getByRole('button', { name: 'Edit VIP' }).click();
    await page.getByRole('form', { name: 'Edit tier VIP' }).getByLabel('Capacity').fill('-1');
    await page.getByRole('button', { name: 'Save tier' }).click();
    await page.getByRole('alert').getByText('Capacity must be at least 0').waitFor();
    await page.getByRole('form', { name: 'Edit tier VIP' }).getByLabel('Capacity').fill('30');
    await page.getByRole('button', { name: 'Save tier' }).click();
    await page.getByTestId('tier-row').filter({ hasText: 'VIP' }).getByText('0 sold or held of 30').waitFor();
    await screenshot(page, 'organizer-concert-edit', { docs: true });

    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByTestId('sales-controls-status').getByText('Published: shoppers can see this concert.').waitFor();

    // A shopper, in a browser of their own, holds and pays.
    const email = `fan-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const shopper = await shopperBrowser().open(`/concerts/${encodeURIComponent(concertId)}`);
    await holdTickets(shopper.page, 'VIP', 2, email);
    expect(bookingIdOf(shopper.page.url())).toBeTruthy();
    await payWithCard(shopper.page, '4242 4242 4242 4242');
    await shopper.page.getByRole('heading', { name: 'You’re going!' }).waitFor();
    const orderCode = (await shopper.page.getByTestId('order-code').textContent())?.trim() ?? '';
    expect(orderCode).toHaveLength(8);

    // The shopper keeps the concert page open, live.
    const open = await shopperBrowser().open(`/concerts/${encodeURIComponent(concertId)}`);
    await waitUntilLive(open, await readConcert(baseUrl, concertId));
    await open.page.getByRole('button', { name: 'Continue to payment' }).waitFor();

    // The organizer finds the order by the shopper's email and opens it.
    await page.getByRole('link', { name: 'Orders', exact: true }).first().click();
    await page.getByRole('heading', { name: `Orders · ${name}` }).waitFor();
    await page.getByLabel('Order code or email').fill(email);
    await page.getByRole('button', { name: 'Search' }).click();
    const row = page.getByTestId('order-row').filter({ hasText: orderCode });
    await row.getByText(email).waitFor();
    await row.getByText('Confirmed').waitFor();
    await row.getByText('$200.00').waitFor();
    expect(await page.getByTestId('order-row').count()).toBe(1);
    await row.getByRole('button', { name: orderCode }).click();
    await page.getByRole('heading', { name: `Order ${orderCode}` }).waitFor();
    await page.getByRole('button', { name: 'Cancel order' }).waitFor();
    await screenshot(page, 'organizer-orders', { docs: true });

    // The export is a plain link the organizer's session may download.
    const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(orderCode);

    // Pausing reaches the shopper's open page without a reload.
    await page.getByRole('link', { name: `← ${name}` }).click();

    // The server refuses a capacity below the tickets taken, and says how many are sold and held.
    await page.getByRole('button', { name: 'Edit VIP' }).click();
    await page.getByRole('form', { name: 'Edit tier VIP' }).getByLabel('Capacity').fill('1');
    await page.getByRole('button', { name: 'Save tier' }).click();
    await page.getByRole('alert').getByText('Capacity can’t go below 2: 2 sold and 0 held.').waitFor();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();

    await page.getByRole('button', { name: 'Pause sales' }).click();
    await page.getByTestId('sales-controls-status').getByText('Sales paused.', { exact: false }).waitFor();
    await open.page.getByTestId('sales-notice').getByText('Sales paused').waitFor();
    expect(await open.page.getByRole('button', { name: 'Continue to payment' }).isDisabled()).toBe(true);

    await page.getByRole('link', { name: 'Concerts', exact: true }).last().click();
    const listed = page.getByTestId('organizer-concert').filter({ hasText: name });
    await listed.getByText('Paused').waitFor();
    await listed.getByTestId('sold-of-capacity').getByText('2 / 580').waitFor();
    await screenshot(page, 'organizer-concerts', { docs: true });

    // A partner key: its secret is shown once, then only its start.
    await page.getByRole('link', { name: 'Partner API keys' }).click();
    const keyForm = page.getByRole('form', { name: 'Create a partner API key' });
    const keyName = `Partner ${crypto.randomUUID().slice(0, 6)}`;
    await keyForm.getByLabel('Name').fill(keyName);
    await keyForm.getByLabel('Book and cancel').check();
    await keyForm.getByRole('button', { name: 'Create key' }).click();
    await page.getByRole('heading', { name: `Key “${keyName}” created` }).waitFor();
    expect(await page.getByTestId('new-key-secret').inputValue()).toMatch(/\S{20,}/);
    await page.getByTestId('api-key-row').filter({ hasText: keyName }).waitFor();
    await screenshot(page, 'organizer-keys', { docs: true });
    await page.getByRole('button', { name: 'I have stored it' }).click();
    expect(await page.getByTestId('new-key-secret').count()).toBe(0);
    const keyRow = page.getByTestId('api-key-row').filter({ hasText: keyName });
    await keyRow.getByRole('button', { name: `Revoke ${keyName}` }).click();
    await keyRow.getByRole('button', { name: `Yes, revoke ${keyName}` }).click();
    await keyRow.getByText('Revoked').waitFor();

    // Cancelling the shopper's order takes two steps, the second naming the refund.
    await page.goto(`/organizer/concerts/${encodeURIComponent(concertId)}/orders`);
    await page.getByTestId('order-row').getByRole('button', { name: orderCode }).click();
    await page.getByRole('button', { name: 'Cancel order' }).click();
    await page.getByText(`Cancel order ${orderCode}? Its tickets go back on sale, the shopper is emailed, and we refund $200.00 to the card.`).waitFor();
    await page.getByRole('button', { name: 'Cancel and refund $200.00' }).click();
    await page.getByRole('status').getByText(`Order ${orderCode} cancelled; $200.00 refunded.`).waitFor();
    await page.getByTestId('order-row').filter({ hasText: orderCode }).getByText('Cancelled').waitFor();

    expect(problems).toEqual([]);
    expect(shopper.problems).toEqual([]);
    expect(open.problems).toEqual([]);
  });

  it('tells a signed-in shopper the area is for organizers only', async () => {
    const email = `shopper-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const { page, problems } = await browser().open('/signin?next=%2Forganizer');
    await page.getByRole('region', { name: 'Sign in with a password' }).getByRole('button', { name: 'Create an account' }).click();
    const form = page.getByRole('form', { name: 'Create an account' });
    await form.getByLabel('Email').fill(email);
    await form.getByLabel(/^Password/).fill('a long enough password');
    await form.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Organizers only' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organizer', exact: true }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('fits a phone-sized screen: wide tables scroll in their own box, not the page', async () => {
    const { page, problems } = await browser().open('/signin?next=%2Forganizer', { viewport: { width: 375, height: 740 } });
    await signInAsOrganizer(page);
    await page.waitForURL((url) => url.pathname === '/organizer');
    await page.getByTestId('organizer-concert').first().waitFor();
    const pageOverflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await pageOverflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-organizer');

    await page.getByRole('navigation', { name: 'Organizer' }).getByRole('link', { name: 'Partner API keys' }).click();
    await page.locator('.organizer-table').waitFor();
    expect(await pageOverflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-organizer-keys');
    expect(problems).toEqual([]);
  });
});
