import { NetworkStatus } from '@apollo/client';
import { useQuery, useSubscription } from '@apollo/client/react';
import { graphql } from '../gql/gql';
import { ConcertCard } from '../components/ConcertCard';
import { LoadMoreButton } from '../components/LoadMoreButton';
import { PageTitle } from '../components/PageTitle';
import { Empty, ErrorState, Loading } from '../components/StatusMessages';

// A page a shopper can choose from (three rows of four on a wide screen) that is
// still one cheap query: the cost limit (server/src/http/limits.ts) allows 100.
const PAGE_SIZE = 12;

const CatalogueQuery = graphql(/* GraphQL */ `
  query Catalogue($first: Int!, $after: String) {
    concerts(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          ...ConcertCard_concert
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

// Every tier change lands in the normalized cache by id, so the cards'
// availability summaries move without this route touching the data.
const CatalogueAvailabilitySubscription = graphql(/* GraphQL */ `
  subscription CatalogueAvailability {
    availabilityChanged {
      id
      available
      capacity
    }
  }
`);

export function CatalogueRoute() {
  const { data, error, networkStatus, fetchMore, refetch } = useQuery(CatalogueQuery, {
    variables: { first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  useSubscription(CatalogueAvailabilitySubscription);

  const connection = data?.concerts;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;

  let body;
  if (!connection && error) {
    body = <ErrorState title="The concerts could not be loaded." error={error} onRetry={() => void refetch()} />;
  } else if (!connection) {
    body = <Loading label="Loading concerts…" />;
  } else if (connection.edges.length === 0) {
    body = <Empty>No concerts are on sale right now. Check back soon.</Empty>;
  } else {
    body = (
      <>
        <ul className="concert-grid" aria-label="Concerts">
          {connection.edges.map(({ node }) => (
            <li key={node.id}>
              <ConcertCard concert={node} />
            </li>
          ))}
        </ul>
        {error ? <ErrorState title="More concerts could not be loaded." error={error} /> : null}
        {connection.pageInfo.hasNextPage ? (
          <LoadMoreButton label="Load more concerts" loading={loadingMore} onLoadMore={() => void fetchMore({ variables: { after: connection.pageInfo.endCursor } })} />
        ) : null}
      </>
    );
  }

  return (
    <section aria-labelledby="catalogue-title">
      <PageTitle>Concerts on sale</PageTitle>
      <h1 id="catalogue-title">On sale now</h1>
      {body}
    </section>
  );
}
