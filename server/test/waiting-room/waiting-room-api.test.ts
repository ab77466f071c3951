import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concerts } from '../../src/db/schema.ts';
import { signedInAccount } from '../support/accounts.ts';
import { createConcert, graphql, partnerHeaders } from '../support/test-app.ts';
import { connectWs } from '../support/ws-client.ts';
import { addWaiters, at, createRoomConcert, createRoomTestApp, guestHeaders, JOIN, tick } from './room-support.ts';

// The organizer's controls and the shared status, over HTTP and graphql-ws, on two instances.
const app = createRoomTestApp();
const other = createRoomTestApp();
let otherPort: number;
beforeAll(async () => {
  [, { port: otherPort }] = await Promise.all([app.start(0, '127.0.0.1'), other.start(0, '127.0.0.1')]);
});
afterAll(() => Promise.all([app.stop(), other.stop()]));

const CONFIGURE = /* GraphQL */ `
  mutation Configure($concertId: ID!, $input: WaitingRoomSettingsInput!) {
    configureWaitingRoom(concertId: $concertId, input: $input) {
      __typename
      ... on WaitingRoomAdmin { settings { enabled preQueueMinutes admissionsPerMinute maxShopping admissionMinutes } status { enabled admissionsPerMinute } }
      ... on ValidationError { field message }
      ... on Error { message }
    }
  }
`;
const SET_RATE = /* GraphQL */ `
  mutation Rate($concertId: ID!, $rate: Int!) {
    setWaitingRoomRate(concertId: $concertId, admissionsPerMinute: $rate) { __typename ... on WaitingRoomAdmin { status { admissionsPerMinute } } ... on Error { message } }
  }
`;
const CONCERT_ROOM = /* GraphQL */ `query ($id: ID!) { concert(id: $id) { waitingRoom { enabled opensAt drawsAt } } }`;
const ADMIN = /* GraphQL */ `query ($id: ID!) { waitingRoomAdmin(concertId: $id) { settings { admissionsPerMinute } status { waiting admittedThrough shopping admissionsPerMinute } } }`;
const settings = { enabled: true, preQueueMinutes: 30, admissionsPerMinute: 100, maxShopping: 50, admissionMinutes: 10 };

describe('waiting room API', () => {
  it('lets organizers only set it up and change the rate live; shows it on the concert', async () => {
    const organizer = await signedInAccount(app, 'organizer');
    const shopper = await signedInAccount(app, 'shopper');
    const { concertGid } = await createConcert(app.db, [{ capacity: 10 }], undefined, organizer.id);
    expect((await graphql(app, CONCERT_ROOM, { id: concertGid }, { headers: {} })).data!.concert.waitingRoom).toBeNull();
    for (const headers of [{}, shopper.headers, partnerHeaders()]) {
      const refused = await graphql(app, CONFIGURE, { concertId: concertGid, input: settings }, { headers });
      expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(refused.errors?.[0].extensions?.code);
    }
    // Another organizer's concert is one that does not exist.
    const stranger = await signedInAccount(app, 'organizer');
    expect((await graphql(app, CONFIGURE, { concertId: concertGid, input: settings }, { headers: stranger.headers })).data!.configureWaitingRoom.__typename).toBe('NotFoundError');
    const bad = await graphql(app, CONFIGURE, { concertId: concertGid, input: { ...settings, admissionsPerMinute: 0 } }, { headers: organizer.headers });
    expect(bad.data!.configureWaitingRoom).toMatchObject({ __typename: 'ValidationError', field: 'admissionsPerMinute' });
    // The first set-up raced by 50 more over two instances: one room, every answer whole.
    const setUps = await Promise.all(
      Array.from({ length: 50 }, (_, i) => graphql(i % 2 ? app : other, CONFIGURE, { concertId: concertGid, input: { ...settings, maxShopping: 50 + i } }, { headers: organizer.headers })),
    );
    expect(setUps.every((setUp) => setUp.data!.configureWaitingRoom.__typename === 'WaitingRoomAdmin')).toBe(true);
    const set = await graphql(app, CONFIGURE, { concertId: concertGid, input: settings }, { headers: organizer.headers });
    expect(set.data!.configureWaitingRoom).toMatchObject({ __typename: 'WaitingRoomAdmin', settings, status: { enabled: true, admissionsPerMinute: 100 } });
    expect((await graphql(other, CONCERT_ROOM, { id: concertGid }, { headers: {} })).data!.concert.waitingRoom).toMatchObject({ enabled: true, opensAt: null, drawsAt: null });

    // 50 concurrent rate changes over two instances: one of them wins, whole.
    const rates = Array.from({ length: 50 }, (_, i) => 10 + i);
    const changes = await Promise.all(rates.map((rate, i) => graphql(i % 2 ? app : other, SET_RATE, { concertId: concertGid, rate }, { headers: organizer.headers })));
    expect(changes.every((change) => change.data!.setWaitingRoomRate.__typename === 'WaitingRoomAdmin')).toBe(true);
    const admin = (await graphql(app, ADMIN, { id: concertGid }, { headers: organizer.headers })).data!.waitingRoomAdmin;
    expect(rates).toContain(admin.settings.admissionsPerMinute);
    expect(admin.status.admissionsPerMinute).toBe(admin.settings.admissionsPerMinute);
    expect((await graphql(app, ADMIN, { id: concertGid }, { headers: shopper.headers })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await graphql(app, ADMIN, { id: concertGid }, { headers: stranger.headers })).data!.waitingRoomAdmin).toBeNull();
    expect((await graphql(app, SET_RATE, { concertId: concertGid, rate: 1 }, { headers: stranger.headers })).data!.setWaitingRoomRate.__typename).toBe('NotFoundError');
  });

  it('tells an organizer that a concert without a room has no rate to change', async () => {
    const organizer = await signedInAccount(app, 'organizer');
    const { concert, concertGid } = await createConcert(app.db, [{ capacity: 10 }]);
    await app.db.update(concerts).set({ organizerId: organizer.id }).where(eq(concerts.id, concert.id));
    const answer = await graphql(app, SET_RATE, { concertId: concertGid, rate: 10 }, { headers: organizer.headers });
    expect(answer.data!.setWaitingRoomRate).toEqual({ __typename: 'ValidationError', message: 'This concert has no waiting room yet: set one up with configureWaitingRoom' });
  });

  it("keeps an unpublished concert's room to its organizer", async () => {
    const [organizer, stranger] = await Promise.all([signedInAccount(app, 'organizer'), signedInAccount(app, 'organizer')]);
    const { concert, concertGid } = await createRoomConcert(app);
    await app.db.update(concerts).set({ published: false, organizerId: organizer.id }).where(eq(concerts.id, concert.id));
    const STATUS = `query ($id: ID!) { waitingRoomStatus(concertId: $id) { enabled } }`;
    expect((await graphql(app, STATUS, { id: concertGid }, { headers: guestHeaders() })).data!.waitingRoomStatus).toBeNull();
    expect((await graphql(app, STATUS, { id: concertGid }, { headers: organizer.headers })).data!.waitingRoomStatus).toEqual({ enabled: true });
    expect((await graphql(app, STATUS, { id: concertGid }, { headers: stranger.headers })).data!.waitingRoomStatus).toBeNull();
    expect((await graphql(app, JOIN, { concertId: concertGid }, { headers: guestHeaders() })).data!.joinWaitingRoom.__typename).toBe('NotFoundError');
  });

  it("pushes each tick's status to waiters on another instance, and answers the status query", async () => {
    const { concert, concertGid, onSaleAt } = await createRoomConcert(app, { admissionsPerMinute: 60 });
    await addWaiters(app, concert.id, 30);
    const ws = connectWs(otherPort);
    const statuses: Record<string, any>[] = [];
    let wake = () => {};
    const dispose = ws.subscribe(
      { query: /* GraphQL */ `subscription ($id: ID!) { waitingRoomStatusChanged(concertId: $id) { drawn admittedThrough lastPlace waiting shopping admissionsPerMinute at } }`, variables: { id: concertGid } },
      { next: (result) => { statuses.push(result.data!.waitingRoomStatusChanged as Record<string, any>); wake(); }, error: () => {}, complete: () => {} },
    );
    const until = (check: () => boolean) => new Promise<void>((resolve) => { wake = () => check() && resolve(); wake(); });
    await other.waitingRoomFeed.listening();
    while (other.waitingRoomFeed.subscribers(concert.id) === 0) await new Promise((resolve) => setImmediate(resolve));

    await tick(app, concert.id, onSaleAt!);
    await tick(app, concert.id, at(onSaleAt!, 10));
    await until(() => statuses.some((status) => status.admittedThrough === 10));
    expect(statuses.at(-1)).toMatchObject({ drawn: true, admittedThrough: 10, lastPlace: 30, waiting: 20, shopping: 10, admissionsPerMinute: 60 });
    // 50 concurrent reads over two instances, each one read by primary key.
    const reads = await Promise.all(
      Array.from({ length: 50 }, (_, i) => graphql(i % 2 ? app : other, `query ($id: ID!) { waitingRoomStatus(concertId: $id) { drawn admittedThrough } }`, { id: concertGid }, { headers: guestHeaders() })),
    );
    for (const read of reads) expect(read.data!.waitingRoomStatus).toEqual({ drawn: true, admittedThrough: 10 });
    dispose();
    await ws.dispose();
  });
});
