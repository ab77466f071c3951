import { inject } from 'vitest';
import type { Page } from 'playwright-core';
import type { Browser, TrackedPage } from './browser';

/** Signs in on the page's password form as the seed's demo organizer. */
export async function signInAsOrganizer(page: Page) {
  const form = page.getByRole('form', { name: 'Sign in with a password' });
  await form.getByLabel('Email').fill(inject('organizerEmail'));
  await form.getByLabel('Password').fill(inject('organizerPassword'));
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-as').getByText(inject('organizerEmail')).waitFor();
}

/** Opens the sign-in page, signs in as the demo organizer and waits to land on `path`. */
export async function openAsOrganizer(browser: Browser, path: string): Promise<TrackedPage> {
  const tracked = await browser.open(`/signin?next=${encodeURIComponent(path)}`);
  await signInAsOrganizer(tracked.page);
  await tracked.page.waitForURL((url) => url.pathname === path);
  return tracked;
}

/** [name, price in dollars, capacity] of the three tiers the organizer tests create. */
export const organizerTiers = [
  ['VIP', '100', '20'],
  ['Front Row', '50', '50'],
  ['General Admission', '10', '500'],
] as const;

/**
 * Fills "New concert" in the organizer area as an organizer would (three tiers, Paris time) and
 * waits for its edit page. Answers the new concert's id.
 */
export async function createConcertAsOrganizer(page: Page, name: string): Promise<string> {
  await page.getByRole('link', { name: 'New concert' }).click();
  const form = page.getByRole('form', { name: 'New concert' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Venue', { exact: true }).fill('Salle Pleyel');
  await form.getByLabel('Venue time zone').selectOption('Europe/Paris');
  await form.getByLabel('Starts', { exact: true }).fill(`${new Date().getFullYear() + 1}-06-21T20:00`);
  for (const [index, [tierName, price, capacity]] of organizerTiers.entries()) {
    if (index > 0) await form.getByRole('button', { name: 'Add a tier' }).click();
    await form.getByLabel(`Tier ${index + 1} name`).fill(tierName);
    await form.getByLabel(`Tier ${index + 1} price (USD)`).fill(price);
    await form.getByLabel(`Tier ${index + 1} capacity`).fill(capacity);
  }
  await form.getByRole('button', { name: 'Create concert' }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
  return decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1) ?? '');
}
