import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingInput, createConcert, createTestApp, graphql } from '../support/test-app.ts';
import { guestHeaders } from './room-support.ts';

// The waiting room must cost nothing to holds of concerts that have none: the flag is in the cached
// tier facts, so a warm hold makes exactly the statements it made before rooms existed.
const statements: string[] = [];
const app = createTestApp({ waitingRoomTickMs: 0, salesRollupIntervalMs: 0, onQuery: (query) => statements.push(query) });
beforeAll(() => app.start(0, '127.0.0.1'));
afterAll(() => app.stop());

const HOLD = /* GraphQL */ `mutation ($input: BookTicketsInput!) { holdTickets(input: $input) { __typename } }`;

describe('holds of concerts without a waiting room', () => {
  it('read nothing of waiting rooms once the tier is cached', async () => {
    const { concertGid, tierGids } = await createConcert(app.db, [{ capacity: 10 }]);
    const hold = () => graphql(app, HOLD, bookingInput(concertGid, [[tierGids[0], 1]], { customerEmail: `${randomUUID()}@example.com` }), { headers: guestHeaders() });
    expect((await hold()).data!.holdTickets.__typename).toBe('HoldTicketsSuccess');
    statements.length = 0;
    expect((await hold()).data!.holdTickets.__typename).toBe('HoldTicketsSuccess');
    expect(statements.filter((statement) => /waiting_room/.test(statement))).toEqual([]);
    expect(statements.filter((statement) => /ticket_tiers/.test(statement) && /concerts/.test(statement) && !/UPDATE|INSERT|FOR UPDATE/i.test(statement))).toEqual([]);
  });
});
