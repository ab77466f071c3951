import { encodeGlobalID } from '@pothos/plugin-relay';
import pino from 'pino';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { BOOK_TICKETS, bookingInput, createConcert, createTestApp, graphql } from '../support/test-app.ts';

const lines: Record<string, any>[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
const app = createTestApp({ production: true, logger });
afterAll(() => app.stop());
beforeEach(() => {
  lines.length = 0;
});

const nilUuid = '00000000-0000-0000-0000-000000000000';
const b64 = (text: string) => Buffer.from(text).toString('base64');
const NODE = /* GraphQL */ `query ($id: ID!) { node(id: $id) { id } }`;

describe('node(id) for ids that name nothing', () => {
  it.each([
    ['a well-formed id of no concert', encodeGlobalID('Concert', nilUuid)],
    ['a booking that does not exist', encodeGlobalID('Booking', nilUuid)],
    ['a concert id that is not a UUID', b64('Concert:foo')],
    ['a type that is not a node', b64('Foo:bar')],
    ['a type the schema does not have at all', b64('Money:1')],
    ['something that is not base64', 'garbage!!'],
    ['an empty string', ''],
  ])('%s is null, with no error and no error log', async (_case, id) => {
    const result = await graphql(app, NODE, { id });
    expect(result).toEqual({ data: { node: null } });
    expect(lines).toEqual([]);
  });

  it('still finds what exists, and nodes() answers null in place of each unknown id', async () => {
    const { concertGid, tierGids } = await createConcert(app.db, [{ capacity: 1 }]);
    expect(await graphql(app, NODE, { id: concertGid })).toEqual({ data: { node: { id: concertGid } } });
    const result = await graphql(app, `query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: [tierGids[0], 'garbage', encodeGlobalID('Concert', nilUuid), concertGid],
    });
    expect(result).toEqual({ data: { nodes: [{ id: tierGids[0] }, null, null, { id: concertGid }] } });
    expect(lines).toEqual([]);
  });
});

describe('echoes of client input', () => {
  const huge = 'x'.repeat(60_000);

  it('never answers with more than a bounded piece of a huge id', async () => {
    const { concertGid, tierGids } = await createConcert(app.db, [{ capacity: 1 }]);
    const answers = await Promise.all([
      graphql(app, BOOK_TICKETS, bookingInput(huge, [[tierGids[0], 1]])),
      graphql(app, BOOK_TICKETS, bookingInput(concertGid, [[huge, 1]])),
      graphql(app, `mutation ($id: ID!) { releaseHold(bookingId: $id) { __typename ... on NotFoundError { id message } } }`, { id: huge }),
      graphql(app, NODE, { id: huge }),
      graphql(app, `query ($id: ID!) { concert(id: $id) { id } }`, { id: huge }),
      // graphql-js quotes a wrongly typed variable's value in its error message.
      graphql(app, `query ($first: Int) { concerts(first: $first) { pageInfo { hasNextPage } } }`, { first: huge }),
      graphql(app, `{ concerts(first: "${huge}") { pageInfo { hasNextPage } } }`),
    ]);
    for (const answer of answers) expect(JSON.stringify(answer).length).toBeLessThan(1_000);
    expect(answers[0].data?.bookTickets).toMatchObject({ __typename: 'NotFoundError' });
    expect(answers[1].data?.bookTickets).toMatchObject({ __typename: 'NotFoundError' });
    expect(answers[2].data?.releaseHold).toMatchObject({ __typename: 'NotFoundError' });
    expect(answers[3]).toEqual({ data: { node: null } });
  });

  it('keeps a short unknown id as the client sent it', async () => {
    const result = await graphql(app, `mutation ($id: ID!) { releaseHold(bookingId: $id) { ... on NotFoundError { id } } }`, { id: 'no-such-booking' });
    expect(result.data?.releaseHold).toEqual({ id: 'no-such-booking' });
  });
});
