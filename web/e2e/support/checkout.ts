import type { Page } from 'playwright-core';

/** Types a card into the checkout's card form and pays, as a shopper would. */
export async function payWithCard(page: Page, number: string) {
  await page.getByLabel('Card number').fill(number);
  await page.getByLabel('Expiry (MM/YY)').fill(`12/${(new Date().getFullYear() + 2) % 100}`);
  await page.getByLabel('Security code').fill('123');
  await page.getByRole('button', { name: /^Pay / }).click();
}

/** Chooses tickets of one tier on a concert page and holds them: the page moves to the checkout. */
export async function holdTickets(page: Page, tierName: string, quantity: number, email: string) {
  await page.getByLabel(`Quantity of ${tierName} tickets`).selectOption(String(quantity));
  await page.getByLabel('Email for your tickets').fill(email);
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await page.waitForURL(/\/bookings\//);
  await page.getByRole('heading', { name: 'Complete your order' }).waitFor();
}
