import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../gql/gql';
import { OrganizerConcertRow } from '../components/OrganizerConcertRow';
import { PageTitle } from '../components/PageTitle';
import { ErrorState, Loading } from '../components/StatusMessages';

// Organizers get every concert from `concerts`, drafts included.
const OrganizerConcertsQuery = graphql(/* GraphQL */ `
  query OrganizerConcerts {
    concerts(first: 100, mine: true) {
      edges {
        node {
          id
          ...OrganizerConcertRow_concert
        }
      }
    }
  }
`);

export function OrganizerConcertsRoute() {
  const { data, error, loading, refetch } = useQuery(OrganizerConcertsQuery, { fetchPolicy: 'cache-and-network' });
  return (
    <section aria-labelledby="organizer-concerts-title">
      <PageTitle>Your concerts</PageTitle>
      <div className="organizer__heading">
        <h1 id="organizer-concerts-title">Concerts</h1>
        <Link className="button button--primary" to="/organizer/concerts/new">
          New concert
        </Link>
      </div>
      {loading && !data ? <Loading label="Loading concerts…" /> : null}
      {error && !data ? <ErrorState title="The concerts could not be loaded." error={error} onRetry={() => void refetch()} /> : null}
      {data ? (
        data.concerts.edges.length === 0 ? (
          <p>No concerts yet. Create the first one.</p>
        ) : (
          <div className="table-scroll">
            <table className="organizer-table">
              <thead>
                <tr>
                  <th scope="col">Concert</th>
                  <th scope="col">Starts</th>
                  <th scope="col">Visibility</th>
                  <th scope="col">Sales</th>
                  <th scope="col" className="num">
                    Sold or held / capacity
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Orders and sales</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.concerts.edges.map(({ node }) => (
                  <OrganizerConcertRow key={node.id} concert={node} />
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </section>
  );
}
