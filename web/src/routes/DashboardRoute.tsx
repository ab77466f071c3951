import { useEffect } from 'react';
import { useQuery, useSubscription } from '@apollo/client/react';
import { graphql } from '../gql/gql';
import { ConnectionBadge } from '../components/ConnectionBadge';
import { DashboardConcert } from '../components/DashboardConcert';
import { DashboardSummary } from '../components/DashboardSummary';
import { PageTitle } from '../components/PageTitle';
import { Empty, ErrorState, Loading } from '../components/StatusMessages';

const PAGE_SIZE = 50;

const DashboardQuery = graphql(/* GraphQL */ `
  query Dashboard($first: Int!, $after: String) {
    concerts(first: $first, after: $after) {
      edges {
        node {
          id
          ...DashboardConcert_concert
          ...DashboardSummary_concert
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

// No concertId: every tier of every concert. Each emitted tier is written
// into the cache by id, which is all the dashboard needs to redraw.
const DashboardAvailabilitySubscription = graphql(/* GraphQL */ `
  subscription DashboardAvailability {
    availabilityChanged {
      id
      available
      capacity
    }
  }
`);

export function DashboardRoute() {
  const { data, error, loading, fetchMore, refetch } = useQuery(DashboardQuery, {
    variables: { first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const live = useSubscription(DashboardAvailabilitySubscription);

  // The dashboard shows everything, so it keeps paging until the end.
  const pageInfo = data?.concerts.pageInfo;
  useEffect(() => {
    if (pageInfo?.hasNextPage && !loading && !error) {
      void fetchMore({ variables: { after: pageInfo.endCursor } });
    }
  }, [pageInfo?.hasNextPage, pageInfo?.endCursor, loading, error, fetchMore]);

  let body;
  if (!data && error) {
    body = <ErrorState title="The dashboard could not be loaded." error={error} onRetry={() => void refetch()} />;
  } else if (!data) {
    body = <Loading label="Loading inventory…" />;
  } else if (data.concerts.edges.length === 0) {
    body = <Empty>No concerts yet.</Empty>;
  } else {
    body = (
      <>
        <DashboardSummary concerts={data.concerts.edges.map((edge) => edge.node)} />
        <div className="dashboard-grid">
          {data.concerts.edges.map(({ node }) => (
            <DashboardConcert key={node.id} concert={node} />
          ))}
        </div>
      </>
    );
  }

  return (
    <section aria-labelledby="dashboard-title">
      <header className="page-header">
        <PageTitle>Live inventory</PageTitle>
        <h1 id="dashboard-title">Live inventory</h1>
        <ConnectionBadge subscriptionFailed={live.error !== undefined} />
      </header>
      {data && error ? <ErrorState title="Some concerts could not be loaded." error={error} /> : null}
      {body}
    </section>
  );
}
