import { useQuery } from '@apollo/client/react';
import { Link, useLocation, useParams } from 'react-router';
import { graphql } from '../gql/gql';
import { BookingSummary } from '../components/BookingSummary';
import { PageTitle } from '../components/PageTitle';
import { Empty, ErrorState, Loading } from '../components/StatusMessages';

const BookingQuery = graphql(/* GraphQL */ `
  query Booking($id: ID!) {
    booking(id: $id) {
      id
      concert {
        id
      }
      ...BookingSummary_booking
    }
  }
`);

export function BookingRoute() {
  const { id = '' } = useParams();
  const location = useLocation();
  const replayed = (location.state as { replayed?: boolean } | null)?.replayed === true;
  const { data, error, loading, refetch } = useQuery(BookingQuery, { variables: { id } });

  if (loading && !data) return <Loading label="Loading your booking…" />;
  if (error && !data) {
    return <ErrorState title="This booking could not be loaded." error={error} onRetry={() => void refetch()} />;
  }
  if (!data?.booking) {
    return (
      <Empty>
        <PageTitle>Booking not found</PageTitle>
        <h1>Booking not found</h1>
        <p>
          Check the link from your confirmation email. <Link to="/">See all concerts</Link>
        </p>
      </Empty>
    );
  }
  return (
    <section className="booking-page">
      <PageTitle>Your booking</PageTitle>
      {replayed ? (
        <p className="notice" role="status">
          This booking had already gone through; you were not charged twice.
        </p>
      ) : null}
      <BookingSummary booking={data.booking} />
      <p className="booking-page__actions">
        <Link className="button button--secondary" to={`/concerts/${encodeURIComponent(data.booking.concert.id)}`}>
          Back to the concert
        </Link>
        <Link to="/">See all concerts</Link>
      </p>
    </section>
  );
}
