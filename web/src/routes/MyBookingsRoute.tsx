import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../gql/gql';
import { LoadMoreButton } from '../components/LoadMoreButton';
import { MyBookingRow } from '../components/MyBookingRow';
import { PageTitle } from '../components/PageTitle';
import { Empty, ErrorState, Loading } from '../components/StatusMessages';

const PAGE_SIZE = 10;

const MyBookingsViewerQuery = graphql(/* GraphQL */ `
  query MyBookingsViewer {
    viewer {
      email
      emailVerified
    }
  }
`);

// Asked only when signed in: myBookings is refused to guests.
const MyBookingsQuery = graphql(/* GraphQL */ `
  query MyBookings($first: Int!, $after: String) {
    myBookings(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          ...MyBookingRow_booking
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export function MyBookingsRoute() {
  const who = useQuery(MyBookingsViewerQuery);
  const viewer = who.data?.viewer;
  const { data, error, networkStatus, fetchMore, refetch } = useQuery(MyBookingsQuery, {
    variables: { first: PAGE_SIZE },
    skip: !viewer,
    // Statuses change elsewhere (paid, cancelled, holds ending): show the cached list, then the fresh one.
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });

  const title = (
    <>
      <PageTitle>My bookings</PageTitle>
      <h1 id="my-bookings-title">My bookings</h1>
    </>
  );
  if (who.loading && !who.data) return <Loading label="Loading your bookings…" />;
  if (who.error && !who.data) return <ErrorState title="Your bookings could not be loaded." error={who.error} onRetry={() => void who.refetch()} />;
  if (!viewer) {
    return (
      <Empty>
        {title}
        <p>
          <Link to="/signin?next=%2Fmy-bookings">Sign in</Link> to see your bookings. Use the email you booked with: an emailed link shows the bookings you made as a guest too.
        </p>
      </Empty>
    );
  }

  const connection = data?.myBookings;
  let body;
  if (!connection && error) body = <ErrorState title="Your bookings could not be loaded." error={error} onRetry={() => void refetch()} />;
  else if (!connection) body = <Loading label="Loading your bookings…" />;
  else if (connection.edges.length === 0) {
    body = (
      <Empty>
        <p>No bookings yet.</p>
        <p>
          <Link to="/">See what is on sale</Link>
        </p>
      </Empty>
    );
  } else {
    const loadingMore = networkStatus === NetworkStatus.fetchMore;
    body = (
      <>
        <ol className="my-bookings__list" aria-labelledby="my-bookings-title">
          {connection.edges.map(({ node }) => (
            <li key={node.id}>
              <MyBookingRow booking={node} />
            </li>
          ))}
        </ol>
        {error ? <ErrorState title="More bookings could not be loaded." error={error} /> : null}
        {connection.pageInfo.hasNextPage ? (
          <LoadMoreButton label="Load more bookings" loading={loadingMore} onLoadMore={() => void fetchMore({ variables: { after: connection.pageInfo.endCursor } })} />
        ) : null}
      </>
    );
  }

  return (
    <section className="my-bookings" aria-labelledby="my-bookings-title">
      {title}
      <p className="my-bookings__who">
        Signed in as <strong>{viewer.email}</strong>, newest first.
      </p>
      {viewer.emailVerified ? null : (
        <p className="notice" data-testid="unverified-note">
          Verify by signing in with a magic link to see bookings you made as a guest. <Link to="/signin?next=%2Fmy-bookings">Email me a sign-in link</Link>
        </p>
      )}
      {body}
    </section>
  );
}
