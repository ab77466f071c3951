import { useMemo } from 'react';
import { useQuery, useSubscription } from '@apollo/client/react';
import { Link, Navigate, useParams } from 'react-router';
import { graphql } from '../gql/gql';
import { BookingForm } from '../components/BookingForm';
import { ConnectionBadge } from '../components/ConnectionBadge';
import { PageTitle } from '../components/PageTitle';
import { ErrorState, Loading } from '../components/StatusMessages';
import { formatDate } from '../lib/format';
import { waitingRoomPath } from '../waiting-room/admissionMessages';
import { loadAdmission } from '../waiting-room/admissionStore';
import { ConcertNotFound } from '../components/ConcertNotFound';

const ConcertQuery = graphql(/* GraphQL */ `
  query Concert($id: ID!) {
    concert(id: $id) {
      id
      name
      venue
      startsAt
      timeZone
      waitingRoom {
        enabled
      }
      ...BookingForm_concert
    }
  }
`);

// The selection matches what the page shows; Apollo writes each emitted tier
// into the cache under its id and the pickers re-render from there.
const ConcertAvailabilitySubscription = graphql(/* GraphQL */ `
  subscription ConcertAvailability($concertId: ID!) {
    availabilityChanged(concertId: $concertId) {
      id
      available
      capacity
      # Pausing, resuming and sell-outs reach open pages on this stream too; the concert is
      # written into the cache under its id, so the booking form opens or closes at once.
      concert {
        id
        salesStatus
        onSaleAt
      }
    }
  }
`);

export function ConcertRoute() {
  const { id = '' } = useParams();
  // From the network each visit: whether shoppers queue first may have changed since the last one.
  const { data, error, loading, refetch } = useQuery(ConcertQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const live = useSubscription(ConcertAvailabilitySubscription, { variables: { concertId: id } });
  // The waiting room stores the admission when it moves the shopper here (admissionStore.ts).
  const admission = useMemo(() => loadAdmission(id), [id]);

  if (loading && !data) return <Loading label="Loading concert…" />;
  if (error && !data) {
    return <ErrorState title="This concert could not be loaded." error={error} onRetry={() => void refetch()} />;
  }
  const concert = data?.concert;
  if (!concert) {
    return <ConcertNotFound area="shop" />;
  }

  const queued = concert.waitingRoom?.enabled === true;
  // A hot on-sale: shoppers wait their turn in the room, which sends them back here when admitted.
  // Only on the server's word: the cached page may be from before the room was turned off.
  if (queued && !admission) return loading ? <Loading label="Loading concert…" /> : <Navigate to={waitingRoomPath(concert.id)} replace />;

  return (
    <article className="concert-page" aria-labelledby="concert-title">
      <p className="breadcrumb">
        <Link to="/">← All concerts</Link>
      </p>
      <header className="concert-page__header">
        <PageTitle>{`${concert.name} tickets`}</PageTitle>
        <h1 id="concert-title">{concert.name}</h1>
        <p className="concert-page__meta">
          <span>{concert.venue}</span>
          <time dateTime={concert.startsAt}>{formatDate(concert.startsAt, concert.timeZone)}</time>
        </p>
        <ConnectionBadge subscriptionFailed={live.error !== undefined} />
      </header>
      <BookingForm concert={concert} admission={queued ? admission : null} />
    </article>
  );
}
