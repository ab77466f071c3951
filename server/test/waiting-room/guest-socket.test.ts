import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectWs, runOnce } from '../support/ws-client.ts';
import { createRoomConcert, createRoomTestApp, guestHeaders, join, MY_TICKET } from './room-support.ts';

// A browser's WebSocket carries no x-guest-id header: the web app sends it in connectionParams.
const app = createRoomTestApp();
let port: number;
beforeAll(async () => {
  ({ port } = await app.start(0, '127.0.0.1'));
});
afterAll(() => app.stop());

describe('guest identity on graphql-ws', () => {
  it('reads the guest id from connectionParams, so a socket sees the same place as HTTP', async () => {
    const { concertGid } = await createRoomConcert(app, {}, null);
    const headers = guestHeaders();
    const ticket = await join(app, concertGid, headers);
    expect(ticket.__typename).toBe('QueueTicket');

    const withId = connectWs(port, { connectionParams: headers });
    const anonymous = connectWs(port);
    try {
      const mine = await runOnce(withId, { query: MY_TICKET, variables: { concertId: concertGid } });
      expect(mine.data?.myQueueTicket?.id).toBe(ticket.id);
      const none = await runOnce(anonymous, { query: MY_TICKET, variables: { concertId: concertGid } });
      expect(none.data?.myQueueTicket).toBeNull();
    } finally {
      await Promise.all([withId.dispose(), anonymous.dispose()]);
    }
  });
});
