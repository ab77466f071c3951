import { describe, expect, inject, it } from 'vitest';
import type { WebSocketRoute } from 'playwright-core';
import { bookAsAnotherClient, concertAt, listConcerts, tierNamed } from './support/api';
import { leadingNumber, useBrowser, waitUntilLive } from './support/browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser(baseUrl);

describe('live connection', () => {
  it('shows reconnecting while the socket is down and catches up on what it missed', async () => {
    const concert = concertAt(await listConcerts(baseUrl), 2);
    const frontRow = tierNamed(concert, 'Front Row');

    // Stand between the page and the server's graphql-ws endpoint, so the
    // test can cut the connection and refuse reconnects for a while.
    let serverReachable = true;
    const open = new Set<WebSocketRoute>();
    const { page, problems } = await browser().open(`/concerts/${encodeURIComponent(concert.id)}`, {
      beforeNavigate: (page) =>
        page.routeWebSocket(/\/graphql$/, (socket) => {
          if (!serverReachable) {
            void socket.close({ code: 1013, reason: 'try again later' });
            return;
          }
          socket.connectToServer();
          open.add(socket);
        }),
    });
    const badge = page.getByTestId('connection-state');
    const count = page.locator(`[data-tier-id="${frontRow.id}"] [data-testid="tier-available"]`);
    await waitUntilLive(page);
    const before = leadingNumber(await count.textContent());

    serverReachable = false;
    for (const socket of open) await socket.close({ code: 1012, reason: 'service restart' });
    open.clear();
    await expect.poll(() => badge.getAttribute('data-state')).toMatch(/reconnecting|offline/);

    // This booking's event is published while the page cannot hear it.
    await bookAsAnotherClient(baseUrl, concert.id, [{ tierId: frontRow.id, quantity: 1 }]);
    await page.waitForTimeout(300);
    expect(leadingNumber(await count.textContent())).toBe(before);

    serverReachable = true;
    await expect.poll(() => badge.getAttribute('data-state'), { timeout: 20_000 }).toBe('live');
    await expect.poll(async () => leadingNumber(await count.textContent()), { timeout: 10_000 }).toBe(before - 1);
    expect(problems).toEqual([]);
  });
});
