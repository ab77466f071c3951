import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useNavigate } from 'react-router';
import { graphql } from '../gql/gql';
import { useFragment } from '../gql/fragment-masking';
import { saveAdmission } from './admissionStore';
import { needsTicketRefetch, newerStatus, standingOf } from './queuePosition';

export const JoinWaitingRoomMutation = graphql(/* GraphQL */ `
  mutation JoinWaitingRoom($concertId: ID!) {
    joinWaitingRoom(concertId: $concertId) {
      __typename
      ... on QueueTicket {
        id
        place
        status
        admissionToken
        admissionExpiresAt
      }
      ... on WaitingRoomClosedError {
        reason
        opensAt
        message
      }
      ... on Error {
        message
      }
    }
  }
`);

// The room's status as a waiter reads it, from whichever came last: the query or a pushed tick.
// One selection for both, so the two cannot drift apart.
const WaitingRoomStatusFragment = graphql(/* GraphQL */ `
  fragment WaitingRoom_status on WaitingRoomStatus {
    enabled
    drawn
    admittedThrough
    lastPlace
    admissionsPerMinute
    waiting
    shopping
    maxShopping
    opensAt
    drawsAt
    at
  }
`);

// One indexed read of our own ticket, and the room's status by primary key: on load, on reconnect
// (apollo.ts re-reads active queries), at the draw and when the line reaches our place.
export const MyQueueTicketQuery = graphql(/* GraphQL */ `
  query MyQueueTicket($concertId: ID!) {
    myQueueTicket(concertId: $concertId) {
      id
      place
      status
      admissionToken
      admissionExpiresAt
    }
    waitingRoomStatus(concertId: $concertId) {
      concertId
      ...WaitingRoom_status
    }
  }
`);

// The same small status for every waiter of the concert, about once a second; written into the
// cache under its concertId (apollo.ts), so the query above redraws with it.
export const WaitingRoomStatusSubscription = graphql(/* GraphQL */ `
  subscription WaitingRoomStatus($concertId: ID!) {
    waitingRoomStatusChanged(concertId: $concertId) {
      concertId
      ...WaitingRoom_status
    }
  }
`);

export type JoinState =
  | { kind: 'joining' }
  | { kind: 'joined' }
  | { kind: 'closed'; reason: 'OFF' | 'NOT_YET_OPEN' | 'ENDED'; opensAt: string | null }
  | { kind: 'guestIdRequired' }
  | { kind: 'notFound' }
  | { kind: 'failed'; message: string; retryAfterSeconds: number | null };

/** Joins (idempotently), follows the room live, and moves the shopper to checkout once admitted. */
export function useWaitingRoom(concertId: string) {
  const navigate = useNavigate();
  const [join] = useMutation(JoinWaitingRoomMutation);
  const [joinState, setJoinState] = useState<JoinState>({ kind: 'joining' });
  const [attempt, setAttempt] = useState(0);
  const joined = joinState.kind === 'joined';
  const query = useQuery(MyQueueTicketQuery, { variables: { concertId }, skip: !joined, fetchPolicy: 'network-only' });
  const live = useSubscription(WaitingRoomStatusSubscription, { variables: { concertId }, skip: !joined });

  useEffect(() => {
    let cancelled = false;
    setJoinState({ kind: 'joining' });
    join({ variables: { concertId } }).then(
      ({ data }) => {
        if (cancelled) return;
        const result = data?.joinWaitingRoom;
        if (result?.__typename === 'QueueTicket') setJoinState({ kind: 'joined' });
        else if (result?.__typename === 'WaitingRoomClosedError') setJoinState({ kind: 'closed', reason: result.reason, opensAt: result.opensAt ?? null });
        else if (result?.__typename === 'GuestIdRequiredError') setJoinState({ kind: 'guestIdRequired' });
        else setJoinState({ kind: 'notFound' });
      },
      (error: unknown) => !cancelled && setJoinState(failureOf(error)),
    );
    return () => {
      cancelled = true;
    };
  }, [concertId, join, attempt]);

  // Before the pre-queue opens, try again when it does; a rate-limited join, when allowed. The
  // delay is worked out once per answer, so other renders leave the timer as it is.
  useEffect(() => {
    const retryInMs =
      joinState.kind === 'closed' && joinState.reason === 'NOT_YET_OPEN' && joinState.opensAt
        ? Math.max(1_000, Date.parse(joinState.opensAt) - Date.now() + 500)
        : joinState.kind === 'failed' && joinState.retryAfterSeconds != null
          ? joinState.retryAfterSeconds * 1000
          : null;
    // setTimeout's limit is about 24.8 days; a later opening is retried when the page is reopened.
    if (retryInMs == null || retryInMs > 2 ** 31 - 1) return;
    const timer = setTimeout(() => setAttempt((n) => n + 1), retryInMs);
    return () => clearTimeout(timer);
  }, [joinState]);

  const ticket = query.data?.myQueueTicket ?? null;
  // Both write the one cached status of the concert, last write wins; a re-read under way while a
  // newer tick was pushed would put the line back for a second, so the newer tick is the one shown.
  const read = useFragment(WaitingRoomStatusFragment, query.data?.waitingRoomStatus ?? null);
  const pushed = useFragment(WaitingRoomStatusFragment, live.data?.waitingRoomStatusChanged ?? null);
  const status = newerStatus(read, pushed);
  const standing = standingOf(ticket, status);

  // At most one re-read per status: the draw gave places, or the line reached ours.
  const refetchedAt = useRef<string | null>(null);
  const refetch = query.refetch;
  const wantsTicket = joined && !query.loading && needsTicketRefetch(standing, ticket);
  useEffect(() => {
    if (!wantsTicket || !status || refetchedAt.current === status.at) return;
    refetchedAt.current = status.at;
    void refetch();
  }, [wantsTicket, status, refetch]);

  const token = ticket?.status === 'ADMITTED' ? ticket.admissionToken : null;
  const expiresAt = ticket?.admissionExpiresAt ?? null;
  useEffect(() => {
    if (!token || !expiresAt) return;
    saveAdmission(concertId, { token, expiresAt });
    navigate(`/concerts/${encodeURIComponent(concertId)}`, { replace: true, state: { admitted: true } });
  }, [token, expiresAt, concertId, navigate]);

  return {
    joinState,
    retryJoin: () => setAttempt((n) => n + 1),
    ticket,
    status,
    standing,
    loading: joined && query.loading && !query.data,
    error: query.error && !query.data ? query.error : null,
    retryRead: () => void refetch(),
    liveFailed: live.error !== undefined,
  };
}

function failureOf(error: unknown): JoinState {
  if (CombinedGraphQLErrors.is(error)) {
    const limited = error.errors.find((e) => e.extensions?.code === 'RATE_LIMITED');
    if (limited) {
      const seconds = Number(limited.extensions?.retryAfterSeconds ?? 10);
      return { kind: 'failed', message: `Many people are joining right now. We will try again in ${seconds} seconds.`, retryAfterSeconds: seconds };
    }
    return { kind: 'failed', message: 'Something went wrong at the box office while joining the line.', retryAfterSeconds: null };
  }
  return { kind: 'failed', message: 'We could not reach the box office. Check your connection.', retryAfterSeconds: null };
}
