import { useQuery } from '@apollo/client/react';
import { Link, useLocation, useParams } from 'react-router';
import { graphql } from '../gql/gql';
import { ConnectionBadge } from '../components/ConnectionBadge';
import { PageTitle } from '../components/PageTitle';
import { Empty, ErrorState, Loading } from '../components/StatusMessages';
import { WaitingRoomPanel } from '../components/WaitingRoomPanel';
import { formatDate, formatTime } from '../lib/format';
import { useWaitingRoom, type JoinState } from '../waiting-room/useWaitingRoom';
import { ConcertNotFound } from '../components/ConcertNotFound';

export const WaitingRoomConcertQuery = graphql(/* GraphQL */ `
  query WaitingRoomConcert($id: ID!) {
    concert(id: $id) {
      id
      name
      venue
      startsAt
      timeZone
      waitingRoom {
        admissionMinutes
      }
    }
  }
`);

/** /concerts/:id/waiting-room: a shopper's place in a hot on-sale's line, until their turn. */
export function WaitingRoomRoute() {
  const { id = '' } = useParams();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const concertQuery = useQuery(WaitingRoomConcertQuery, { variables: { id } });
  const room = useWaitingRoom(id);

  const concert = concertQuery.data?.concert;
  if (concertQuery.loading && !concertQuery.data) return <Loading label="Loading the waiting room…" />;
  if (concertQuery.error && !concertQuery.data) {
    return <ErrorState title="The waiting room could not be loaded." error={concertQuery.error} onRetry={() => void concertQuery.refetch()} />;
  }
  if (!concert) {
    return <ConcertNotFound area="shop" />;
  }

  return (
    <article className="concert-page" aria-labelledby="waiting-room-title">
      <PageTitle>{`Waiting room · ${concert.name}`}</PageTitle>
      <p className="breadcrumb">
        <Link to="/">← All concerts</Link>
      </p>
      <header className="concert-page__header">
        <h1 id="waiting-room-title">Waiting room: {concert.name}</h1>
        <p className="concert-page__meta">
          <span>{concert.venue}</span>
          <time dateTime={concert.startsAt}>{formatDate(concert.startsAt, concert.timeZone)}</time>
        </p>
        {room.joinState.kind === 'joined' ? <ConnectionBadge subscriptionFailed={room.liveFailed} /> : null}
      </header>
      {notice ? (
        <p className="notice" role="alert" data-testid="waiting-room-notice">
          {notice}
        </p>
      ) : null}
      {room.joinState.kind !== 'joined' ? (
        <JoinProblem state={room.joinState} concertId={concert.id} onRetry={room.retryJoin} />
      ) : room.loading ? (
        <Loading label="Finding your place…" />
      ) : room.error ? (
        <ErrorState title="We could not read your place in line. You have not lost it." error={room.error} onRetry={room.retryRead} />
      ) : (
        <WaitingRoomPanel
          concertId={concert.id}
          standing={room.standing}
          admissionMinutes={concert.waitingRoom?.admissionMinutes ?? null}
          waitingCount={room.status?.waiting ?? null}
        />
      )}
    </article>
  );
}

function JoinProblem({ state, concertId, onRetry }: { state: Exclude<JoinState, { kind: 'joined' }>; concertId: string; onRetry: () => void }) {
  const concertPath = `/concerts/${encodeURIComponent(concertId)}`;
  switch (state.kind) {
    case 'joining':
      return <Loading label="Joining the line…" />;
    case 'closed':
      if (state.reason === 'NOT_YET_OPEN') {
        return (
          <div className="card waiting-room" role="status">
            <h2>The waiting room opens soon</h2>
            <p>
              {state.opensAt ? `It opens at ${formatTime(state.opensAt)}; this page joins by itself then.` : 'This page joins by itself when it opens.'} Arriving earlier gives no
              advantage: everyone here before tickets go on sale gets a random place.
            </p>
          </div>
        );
      }
      return (
        <div className="card waiting-room" role="status">
          {state.reason === 'OFF' ? (
            <p>
              This concert has no waiting room now. <Link to={concertPath}>Choose your tickets</Link>
            </p>
          ) : (
            <p>
              Sales for this concert are over. <Link to="/">See other concerts</Link>
            </p>
          )}
        </div>
      );
    case 'guestIdRequired':
      return (
        <ErrorState title="Your browser did not keep the id that holds your place. Allow this site to store data, or sign in, then try again." onRetry={onRetry} />
      );
    case 'notFound':
      return (
        <Empty>
          <p>
            This concert is no longer on sale. <Link to="/">See all concerts</Link>
          </p>
        </Empty>
      );
    case 'failed':
      return <ErrorState title={state.message} onRetry={state.retryAfterSeconds == null ? onRetry : undefined} />;
  }
}
