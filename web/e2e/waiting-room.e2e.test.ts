import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bookingIdOf, graphqlRequest } from './support/api';
import { screenshot, useBrowser } from './support/browser';
import { holdTickets } from './support/checkout';
import { bookingsWithEmail, closeDatabase, createConcert } from './support/concerts';
import { openAsOrganizer } from './support/organizer';

const baseUrl = inject('baseUrl');
const organizerBrowser = useBrowser(baseUrl);
const shopperBrowser = useBrowser(baseUrl);
afterAll(closeDatabase);

// The server ticks every second; a test waits for what the page shows, with room for a busy machine.
const LONG = { timeout: 45_000 };

/** Another guest takes a place, over plain HTTP with its own x-guest-id, so the shopper is not first. */
async function joinAsAnotherGuest(concertId: string) {
  const data = await graphqlRequest<{ joinWaitingRoom: { __typename: string } }>(
    baseUrl,
    /* GraphQL */ `
      mutation E2EJoin($concertId: ID!) {
        joinWaitingRoom(concertId: $concertId) {
          __typename
        }
      }
    `,
    { concertId },
    { 'x-guest-id': `e2e-guest-${crypto.randomUUID()}` },
  );
  expect(data.joinWaitingRoom.__typename).toBe('QueueTicket');
}

const placeOf = async (page: Page) => (await page.getByText(/^Your place: #\d+$/).textContent(LONG))?.replace(/\D/g, '');

describe('waiting room', () => {
  it('queues a shopper fairly: position and progress live, the same place after a reload, then checkout with the admission', async () => {
    const concert = await createConcert({ name: `Hot on-sale ${crypto.randomUUID().slice(0, 6)}`, organizerEmail: inject('organizerEmail') });
    const queuePath = `/organizer/concerts/${encodeURIComponent(concert.id)}/queue`;

    // The organizer turns the queue on for a concert already on sale, slowly at first (1 a minute).
    const { page: organizer, problems: organizerProblems } = await openAsOrganizer(organizerBrowser(), queuePath);
    const settings = organizer.getByRole('form', { name: 'Waiting room settings' });
    await settings.getByLabel('Shoppers queue in the waiting room').check();
    await settings.getByLabel('Pre-queue minutes').fill('0');
    await settings.getByLabel('Admissions per minute').fill('0');
    await settings.getByLabel('Shopping at once').fill('50');
    await settings.getByLabel('Admission minutes').fill('10');
    await settings.getByRole('button', { name: 'Save waiting room' }).click();
    // Checked at the field before anything is sent.
    await settings.getByRole('alert').getByText('Admissions per minute must be at least 1').waitFor();
    await settings.getByLabel('Admissions per minute').fill('1');
    await settings.getByRole('button', { name: 'Save waiting room' }).click();
    await organizer.getByTestId('room-settings-status').getByText('Saved: shoppers now queue in the waiting room.').waitFor();

    // Three others are already in line, with their places: the shopper who comes after them is
    // fourth. (Had the draw not happened yet, all four would be drawn in random order.)
    for (let i = 0; i < 3; i++) await joinAsAnotherGuest(concert.id);
    await organizer.getByText('3 places given so far.', { exact: false }).waitFor(LONG);

    // The shopper opens the concert page and is sent to the waiting room, fourth in line.
    // The socket speaks for the same guest as HTTP: its id goes in connectionParams (no headers on an upgrade).
    const socketGuestIds: unknown[] = [];
    const { page: shopper, problems: shopperProblems } = await shopperBrowser().open(`/concerts/${encodeURIComponent(concert.id)}`, {
      beforeNavigate: async (page) =>
        page.on('websocket', (socket) =>
          socket.on('framesent', ({ payload }) => {
            const message = JSON.parse(String(payload)) as { type?: string; payload?: Record<string, unknown> };
            if (message.type === 'connection_init') socketGuestIds.push(message.payload?.['x-guest-id']);
          }),
        ),
    });
    await shopper.waitForURL(/\/waiting-room$/, LONG);
    await shopper.getByTestId('queue-position').waitFor(LONG);
    const place = await placeOf(shopper);
    expect(place).toBe('4');
    const progress = shopper.getByRole('progressbar', { name: 'Your progress through the line' });
    expect(await progress.getAttribute('aria-valuemax')).toBe('100');
    // Number(null) is 0: the attribute must be there, a whole number.
    const valueNow = await progress.getAttribute('aria-valuenow');
    expect(valueNow).toMatch(/^\d+$/);
    expect(Number(valueNow)).toBeGreaterThanOrEqual(0);
    await shopper.getByText('When it’s your turn you’ll go to checkout automatically').waitFor();
    await shopper.getByText('10 minutes', { exact: true }).waitFor();
    await shopper.getByTestId('queue-estimate').getByText('This is an estimate', { exact: false }).waitFor();

    // A reload keeps the place: the guest id in this browser is the place.
    await shopper.reload();
    await shopper.getByTestId('queue-position').waitFor(LONG);
    expect(await placeOf(shopper)).toBe(place);
    await shopper.locator('[data-testid="connection-state"][data-state="live"]').waitFor(LONG);
    await screenshot(shopper, 'waiting-room', { docs: true });
    const guestId = await shopper.evaluate(() => localStorage.getItem('encore.guestId'));
    expect(guestId).toBeTruthy();
    expect(socketGuestIds.length).toBeGreaterThan(0);
    expect(new Set(socketGuestIds)).toEqual(new Set([guestId]));

    // The organizer sees the line live, then speeds it up.
    await organizer.getByTestId('queue-waiting').getByText('4', { exact: true }).waitFor(LONG);
    await organizer.getByTestId('queue-rate').getByText('1 / min').waitFor();
    await screenshot(organizer, 'organizer-queue', { docs: true });
    const rate = organizer.getByRole('form', { name: 'Admission rate' });
    await rate.getByLabel('Shoppers admitted per minute').fill('600');
    await rate.getByRole('button', { name: 'Change rate now' }).click();
    await organizer.getByTestId('rate-status').getByText('Now admitting 600 per minute.').waitFor();
    await organizer.getByTestId('queue-rate').getByText('600 / min').waitFor(LONG);
    // The settings form shows the rate in force, so saving it later does not undo the change.
    const settingsRate = organizer.getByRole('form', { name: 'Waiting room settings' }).getByLabel('Admissions per minute');
    await expect.poll(() => settingsRate.inputValue(), LONG).toBe('600');

    // The shopper's turn comes: checkout opens by itself, showing the time the admission leaves.
    await shopper.waitForURL((url) => url.pathname === `/concerts/${encodeURIComponent(concert.id)}`, LONG);
    await shopper.getByTestId('admission-countdown').getByText('It’s your turn.', { exact: false }).waitFor();
    const email = `queued-${crypto.randomUUID().slice(0, 8)}@example.com`;
    await holdTickets(shopper, 'VIP', 2, email);
    expect(bookingIdOf(shopper.url())).toBeTruthy();
    expect(await bookingsWithEmail(email)).toHaveLength(1);
    await organizer.getByTestId('queue-waiting').getByText('0', { exact: true }).waitFor(LONG);

    expect(shopperProblems).toEqual([]);
    expect(organizerProblems).toEqual([]);
  });
});
