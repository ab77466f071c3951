import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { waitingRoomEntries } from '../../src/db/waiting-room-schema.ts';
import { createTestApp, graphql } from '../support/test-app.ts';
import { createRoomConcert, guestHeaders, JOIN } from './room-support.ts';

// Behind a trusted proxy, so that each test picks its own client address.
const app = createTestApp({ waitingRoomTickMs: 0, trustProxy: true, joinQuota: { max: 3, windowMs: 60_000 } });
afterAll(() => app.stop());

const fromAddress = (address: string) => ({ ...guestHeaders(), 'x-forwarded-for': address });

describe('joining a waiting room', () => {
  it('is limited per client address: of 8 guests joining at once from one address, 3 get places and the rest RATE_LIMITED', async () => {
    const { concert, concertGid } = await createRoomConcert(app);
    const address = `2001:db8:${randomUUID().slice(0, 4)}::1`;
    const results = await Promise.all(Array.from({ length: 8 }, () => graphql(app, JOIN, { concertId: concertGid }, { headers: fromAddress(address) })));

    const joined = results.filter((result) => result.data?.joinWaitingRoom?.__typename === 'QueueTicket');
    const limited = results.filter((result) => result.errors?.[0]?.extensions?.code === 'RATE_LIMITED');
    expect([joined.length, limited.length]).toEqual([3, 5]);
    expect(limited[0].errors?.[0].extensions).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    // A refused join wrote nothing; another address still gets in.
    expect(await app.db.select().from(waitingRoomEntries).where(eq(waitingRoomEntries.concertId, concert.id))).toHaveLength(3);
    const elsewhere = await graphql(app, JOIN, { concertId: concertGid }, { headers: fromAddress(`2001:db8:${randomUUID().slice(0, 4)}::2`) });
    expect(elsewhere.data?.joinWaitingRoom.__typename).toBe('QueueTicket');
  });
});
