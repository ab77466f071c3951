import { afterAll, describe, expect, inject, it } from 'vitest';
import type { WebSocketRoute } from 'playwright-core';
import { bookAsAnotherClient, readConcert, tierNamed } from './support/api';
import { leadingNumber, useBrowser, waitUntilLive } from './support/browser';
import { closeDatabase, createConcert } from './support/concerts';

const baseUrl = inject('baseUrl');
const browser = useBrowser(baseUrl);
afterAll(closeDatabase);

describe('live connection', () => {
  it('shows reconnecting while the socket is down and catches up on what it missed', async () => {
    const concert = await createConcert();
    const frontRow = tierNamed(concert, 'Front Row');

    // Stand between the page and the server's graphql-ws endpoint, so the
    // test can cut the connection and refuse reconnects for a while.
    let serverReachable = true;
    const open = new Set<WebSocketRoute>();
    const tracked = await browser().open(`/concerts/${encodeURIComponent(concert.id)}`, {
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
    const { page, problems } = tracked;
    const badge = page.getByTestId('connection-state');
    const count = page.locator(`[data-tier-id="${frontRow.id}"] [data-testid="tier-available"]`);
    await waitUntilLive(tracked, concert);
    const before = leadingNumber(await count.textContent());

    serverReachable = false;
    for (const socket of open) await socket.close({ code: 1012, reason: 'service restart' });
    open.clear();
    await expect.poll(() => badge.getAttribute('data-state')).toMatch(/reconnecting|offline/);

    // This booking's event is published while the page cannot hear it: no socket is open.
    await bookAsAnotherClient(baseUrl, concert.id, [{ tierId: frontRow.id, quantity: 1 }]);
    expect(tierNamed(await readConcert(baseUrl, concert.id), 'Front Row').available).toBe(before - 1);
    expect(leadingNumber(await count.textContent())).toBe(before);

    serverReachable = true;
    await expect.poll(() => badge.getAttribute('data-state'), { timeout: 20_000 }).toBe('live');
    await expect.poll(async () => leadingNumber(await count.textContent()), { timeout: 10_000 }).toBe(before - 1);
    expect(problems).toEqual([]);
  });

  it('says offline, not Live, when the server refuses the subscription', async () => {
    const concert = await createConcert();
    const tracked = await browser().open(`/concerts/${encodeURIComponent(concert.id)}`, {
      // The socket is accepted, but every subscription is answered with an error.
      beforeNavigate: (page) =>
        page.routeWebSocket(/\/graphql$/, (socket) => {
          const server = socket.connectToServer();
          socket.onMessage((raw) => {
            const message = JSON.parse(String(raw)) as { type: string; id?: string };
            if (message.type === 'subscribe') {
              socket.send(JSON.stringify({ id: message.id, type: 'error', payload: [{ message: 'Refused' }] }));
            } else {
              server.send(raw);
            }
          });
        }),
    });
    const badge = tracked.page.getByTestId('connection-state');
    await expect.poll(() => badge.getAttribute('data-state')).toBe('offline');
    expect(await badge.textContent()).not.toMatch(/Live/);
  });
});
