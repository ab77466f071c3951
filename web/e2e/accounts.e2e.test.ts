import { afterAll, describe, expect, inject, it } from 'vitest';
import { accessTokenOf, bookingIdOf, readBooking } from './support/api';
import { screenshot, useBrowser } from './support/browser';
import { holdTickets, payWithCard } from './support/checkout';
import { closeDatabase, createConcert } from './support/concerts';

const baseUrl = inject('baseUrl');
const browser = useBrowser(baseUrl);
afterAll(closeDatabase);

describe('accounts', () => {
  it('a guest books, signs in by an emailed link with the same email, finds the booking in My bookings and cancels it', async () => {
    const concert = await createConcert();
    const email = `guest-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const { page, problems } = await browser().open(`/concerts/${encodeURIComponent(concert.id)}`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }).waitFor();

    // As a guest: the booking page is reached by its secret link.
    await holdTickets(page, 'VIP', 1, email);
    const bookingId = bookingIdOf(page.url());
    const accessToken = accessTokenOf(page.url());
    expect(accessToken).toBeTruthy();
    await payWithCard(page, '4242 4242 4242 4242');
    await page.getByRole('heading', { name: 'You’re going!' }).waitFor();
    const orderCode = (await page.getByTestId('order-code').textContent()) ?? '';

    // Without the secret (a wrong one, or none and nothing kept by this browser) a guest sees why not.
    await page.goto(`/bookings/${encodeURIComponent(bookingId)}?access=not-the-secret`);
    await page.getByRole('heading', { name: 'This booking link is incomplete or not yours' }).waitFor();
    await page.evaluate(() => localStorage.removeItem('encore.bookingLinks'));
    await page.goto(`/bookings/${encodeURIComponent(bookingId)}`);
    await page.getByRole('heading', { name: 'This booking link is incomplete or not yours' }).waitFor();
    await page.getByRole('link', { name: 'sign in to see your bookings' }).click();

    // Sign in by an emailed link, taken from the development mailbox.
    await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
    await screenshot(page, 'signin', { docs: true });
    const linkForm = page.getByRole('form', { name: 'Email me a sign-in link' });
    await linkForm.getByLabel('Email').fill(email);
    await linkForm.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByRole('status').getByText('Check your inbox.').waitFor();
    await page.getByRole('link', { name: 'open the development mailbox' }).click();
    const letter = page.locator('.mailbox__email', { has: page.getByRole('heading', { name: 'Your sign-in link for Concert tickets' }) });
    await letter.getByRole('link', { name: /\/api\/auth\/magic-link\/verify/ }).click();

    // The link signs the browser in (its email now proven) and lands back on the booking it was
    // asked from, which the signed-in shopper sees without the secret.
    await page.waitForURL((url) => url.pathname === `/bookings/${bookingId}` && !url.searchParams.has('access'));
    await page.getByRole('heading', { name: 'You’re going!' }).waitFor();
    await page.getByTestId('signed-in-as').getByText(email).waitFor();

    // My bookings lists it: made as a guest, shown by its email.
    await page.getByRole('link', { name: 'My bookings' }).click();
    await page.getByRole('heading', { name: 'My bookings' }).waitFor();
    const row = page.getByTestId('my-booking').filter({ hasText: orderCode });
    await row.getByText('Confirmed').waitFor();
    await row.getByText('$100.00').waitFor();
    expect(await page.getByTestId('unverified-note').count()).toBe(0);
    await screenshot(page, 'my-bookings', { docs: true });

    // The signed-in shopper opens and cancels it with no secret in the address.
    await row.getByRole('link', { name: concert.name }).click();
    await page.getByRole('heading', { name: 'You’re going!' }).waitFor();
    expect(accessTokenOf(page.url())).toBeNull();
    await page.getByRole('button', { name: 'Cancel booking' }).click();
    await page.getByRole('button', { name: 'Yes, cancel and refund' }).click();
    await page.getByRole('heading', { name: 'Booking cancelled' }).waitFor();
    expect((await readBooking(baseUrl, bookingId, accessToken)).status).toBe('CANCELLED');

    await page.getByRole('link', { name: 'My bookings' }).click();
    await page.getByTestId('my-booking').filter({ hasText: orderCode }).getByText('Cancelled').waitFor();

    // Signing out leaves a guest: the header offers sign-in again, and the booking is hidden once more.
    await page.getByTestId('signed-in-as').click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }).waitFor();
    await page.goto(`/bookings/${encodeURIComponent(bookingId)}`);
    await page.getByRole('heading', { name: 'This booking link is incomplete or not yours' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('creates an account with a password: My bookings is empty and says the email is not verified', async () => {
    const email = `new-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const { page, problems } = await browser().open('/signin');
    const passwordCard = page.getByRole('region', { name: 'Sign in with a password' });
    await passwordCard.getByRole('button', { name: 'Create an account' }).click();
    const form = page.getByRole('form', { name: 'Create an account' });
    await form.getByLabel('Email').fill(email);
    await form.getByLabel(/^Password/).fill('short');
    await form.getByRole('button', { name: 'Create account' }).click();
    // Checked before sending, announced, and tied to the field.
    await form.getByRole('alert').getByText('Choose a password of at least 10 characters.').waitFor();
    expect(await form.getByLabel(/^Password/).getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel(/^Password/).fill('a long enough password');
    await form.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/my-bookings$/);
    await page.getByText('No bookings yet.').waitFor();
    await page.getByTestId('unverified-note').getByText('Verify by signing in with a magic link to see bookings you made as a guest.').waitFor();
    await page.getByTestId('signed-in-as').getByText(email).waitFor();
    expect(problems).toEqual([]);
  });

  it('shows the development mailbox on a phone-sized screen without sideways scrolling', async () => {
    // A long address and a sign-in link: the unbroken text that used to widen the page.
    const email = `a-rather-long-address-${crypto.randomUUID()}@example.com`;
    const { page, problems } = await browser().open('/signin', { viewport: { width: 375, height: 740 } });
    const linkForm = page.getByRole('form', { name: 'Email me a sign-in link' });
    await linkForm.getByLabel('Email').fill(email);
    await linkForm.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByRole('status').getByText('Check your inbox.').waitFor();
    await page.goto(`/mailbox?to=${encodeURIComponent(email)}`);
    await page.locator('.mailbox__email').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-mailbox');
    expect(problems).toEqual([]);
  });
});
