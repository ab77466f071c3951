import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { MemoryRouter, Route, Routes } from 'react-router';
import { createCache } from '../apollo';
import { loadAdmission } from '../waiting-room/admissionStore';
import { JoinWaitingRoomMutation, MyQueueTicketQuery, WaitingRoomStatusSubscription } from '../waiting-room/useWaitingRoom';
import { WaitingRoomConcertQuery, WaitingRoomRoute } from './WaitingRoomRoute';

const variables = { concertId: 'C1' };
const expiresAt = new Date(Date.now() + 10 * 60_000).toISOString();
const ticket = (place: number | null, status = 'WAITING', token: string | null = null) => ({
  __typename: 'QueueTicket',
  id: 'E1',
  place,
  status,
  admissionToken: token,
  admissionExpiresAt: token ? expiresAt : null,
});
const status = (admittedThrough: number, at: string) => ({
  __typename: 'WaitingRoomStatus',
  concertId: 'C1',
  enabled: true,
  drawn: true,
  admittedThrough,
  lastPlace: 5,
  admissionsPerMinute: 60,
  waiting: 5 - admittedThrough,
  shopping: admittedThrough,
  maxShopping: 100,
  opensAt: null,
  drawsAt: null,
  at,
});

function ticketRead(calls: number[], result: ReturnType<typeof ticket>, roomStatus: ReturnType<typeof status>): MockLink.MockedResponse {
  return {
    request: { query: MyQueueTicketQuery, variables: () => (calls.push(calls.length + 1), true) },
    result: { data: { __typename: 'Query', myQueueTicket: result, waitingRoomStatus: roomStatus } },
  };
}

const concertRead: MockLink.MockedResponse = {
  request: { query: WaitingRoomConcertQuery, variables: { id: 'C1' } },
  result: {
    data: {
      __typename: 'Query',
      concert: {
        __typename: 'Concert',
        id: 'C1',
        name: 'Big Show',
        venue: 'Hall',
        startsAt: '2030-01-01T20:00:00Z',
        timeZone: 'UTC',
        waitingRoom: { __typename: 'ConcertWaitingRoom', admissionMinutes: 10 },
      },
    },
  },
};

function renderRoute(mocks: MockLink.MockedResponse[]) {
  return render(
    <MockedProvider mocks={mocks} cache={createCache()}>
      <MemoryRouter initialEntries={['/concerts/C1/waiting-room']}>
        <Routes>
          <Route path="/concerts/:id/waiting-room" element={<WaitingRoomRoute />} />
          <Route path="/concerts/:id" element={<p>Checkout</p>} />
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('WaitingRoomRoute', () => {
  it('joins again by itself once the line opens: one retry for the one refusal', async () => {
    const joins: number[] = [];
    const join = (result: object): MockLink.MockedResponse => ({
      request: { query: JoinWaitingRoomMutation, variables: () => (joins.push(joins.length + 1), true) },
      result: { data: { __typename: 'Mutation', joinWaitingRoom: result } },
    });
    // Opens in 0.6 s: the page tries again 0.5 s after that.
    const opensAt = new Date(Date.now() + 600).toISOString();
    const mocks = [
      concertRead,
      join({ __typename: 'WaitingRoomClosedError', reason: 'NOT_YET_OPEN', opensAt, message: 'Not open yet' }),
      join(ticket(3)),
      ticketRead([], ticket(3), status(0, '2030-01-01T10:00:01Z')),
      { request: { query: WaitingRoomStatusSubscription, variables }, result: { data: { __typename: 'Subscription', waitingRoomStatusChanged: status(0, '2030-01-01T10:00:01Z') } }, delay: 5_000 },
    ];
    renderRoute(mocks);
    expect(await screen.findByText(/this page joins by itself then/)).toBeTruthy();
    expect(joins).toEqual([1]);
    expect((await screen.findByTestId('queue-position', {}, { timeout: 3_000 })).textContent).toBe('3');
    expect(joins).toEqual([1, 2]);
  });

  it('re-reads its ticket only when placed and when admitted, then moves to checkout with the admission', async () => {
    const reads: number[] = [];
    const mocks: MockLink.MockedResponse[] = [
      concertRead,
      { request: { query: JoinWaitingRoomMutation, variables }, result: { data: { __typename: 'Mutation', joinWaitingRoom: ticket(null) } } },
      // Joined after the draw: placed by the next tick, so the page reads its ticket again.
      ticketRead(reads, ticket(null), status(0, '2030-01-01T10:00:01Z')),
      ticketRead(reads, ticket(5), status(0, '2030-01-01T10:00:02Z')),
      // The line reaches place 5: one more read, for the token.
      ticketRead(reads, ticket(5, 'ADMITTED', 'token-5'), status(5, '2030-01-01T10:00:03Z')),
      { request: { query: WaitingRoomStatusSubscription, variables }, result: { data: { __typename: 'Subscription', waitingRoomStatusChanged: status(5, '2030-01-01T10:00:03Z') } }, delay: 300 },
    ];
    renderRoute(mocks);
    expect((await screen.findByTestId('queue-position')).textContent).toBe('5');
    expect(await screen.findByText('Checkout', {}, { timeout: 3_000 })).toBeTruthy();
    expect(reads).toEqual([1, 2, 3]);
    expect(loadAdmission('C1')).toEqual({ token: 'token-5', expiresAt });
  });
});
