import { useQuery, useSubscription } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { graphql } from '../gql/gql';
import { ConnectionBadge } from '../components/ConnectionBadge';
import { PageTitle } from '../components/PageTitle';
import { QueueFigures } from '../components/QueueFigures';
import { RateControl } from '../components/RateControl';
import { ErrorState, Loading } from '../components/StatusMessages';
import { WaitingRoomSettingsForm } from '../components/WaitingRoomSettingsForm';
import { ConcertNotFound } from '../components/ConcertNotFound';

const OrganizerQueueQuery = graphql(/* GraphQL */ `
  query OrganizerQueue($id: ID!) {
    concert(id: $id) {
      id
      name
    }
    waitingRoomAdmin(concertId: $id) {
      settings {
        ...RateControl_settings
        ...WaitingRoomSettingsForm_settings
      }
      status {
        concertId
        ...QueueFigures_status
      }
    }
  }
`);

// Each tick's status, written over the one above by concertId (apollo.ts): the figures move live.
const OrganizerQueueSubscription = graphql(/* GraphQL */ `
  subscription OrganizerQueueStatus($concertId: ID!) {
    waitingRoomStatusChanged(concertId: $concertId) {
      concertId
      ...QueueFigures_status
    }
  }
`);

/** /organizer/concerts/:id/queue: set up a concert's waiting room and watch its line. */
export function WaitingRoomAdminRoute() {
  const { id = '' } = useParams();
  const { data, error, loading, refetch } = useQuery(OrganizerQueueQuery, { variables: { id } });
  const live = useSubscription(OrganizerQueueSubscription, { variables: { concertId: id } });

  if (loading && !data) return <Loading label="Loading the waiting room…" />;
  if (error && !data) return <ErrorState title="The waiting room could not be loaded." error={error} onRetry={() => void refetch()} />;
  const concert = data?.concert;
  if (!concert) {
    return <ConcertNotFound area="organizer" />;
  }
  const room = data?.waitingRoomAdmin ?? null;
  // The query's status is the cache's, which each push overwrites; the push alone only shows a room
  // set up after the page loaded (the query still says there was none).
  const status = room?.status ?? live.data?.waitingRoomStatusChanged ?? null;
  const concertPath = `/organizer/concerts/${encodeURIComponent(concert.id)}`;

  return (
    <section className="concert-admin" aria-labelledby="queue-admin-title">
      <PageTitle>{`Waiting room · ${concert.name}`}</PageTitle>
      <p className="breadcrumb">
        <Link to={concertPath}>← {concert.name}</Link>
      </p>
      <div className="organizer__heading">
        <h1 id="queue-admin-title">Waiting room</h1>
        <ConnectionBadge subscriptionFailed={live.error !== undefined} />
      </div>
      <p>
        For hot on-sales: shoppers wait in a fair line and are let through to checkout at the rate you set. Holds for this concert need an admission while the room is on.
      </p>
      {status ? <QueueFigures status={status} /> : <p className="notice">No waiting room yet: shoppers buy directly. Set one up below.</p>}
      {room ? <RateControl concertId={concert.id} settings={room.settings} /> : null}
      <WaitingRoomSettingsForm key={concert.id} concertId={concert.id} initial={room?.settings ?? null} onSaved={() => void refetch()} />
    </section>
  );
}
