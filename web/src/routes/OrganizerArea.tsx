import { useQuery } from '@apollo/client/react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { graphql } from '../gql/gql';
import { PageTitle } from '../components/PageTitle';
import { Empty, ErrorState, Loading } from '../components/StatusMessages';

const OrganizerViewerQuery = graphql(/* GraphQL */ `
  query OrganizerViewer {
    viewer {
      email
      role
    }
  }
`);

/** Every /organizer page: guests are asked to sign in, shoppers told it is not for them. The server refuses them anyway. */
export function OrganizerArea() {
  const { pathname } = useLocation();
  const { data, error, loading, refetch } = useQuery(OrganizerViewerQuery);
  if (loading && !data) return <Loading label="Checking who is signed in…" />;
  if (error && !data) return <ErrorState title="We could not check who is signed in." error={error} onRetry={() => void refetch()} />;
  const viewer = data?.viewer;
  if (!viewer) {
    return (
      <Empty>
        <PageTitle>Sign in to continue</PageTitle>
        <h1>Sign in to continue</h1>
        <p>
          The organizer area is for signed-in organizers. <Link to={`/signin?next=${encodeURIComponent(pathname)}`}>Sign in</Link>
        </p>
      </Empty>
    );
  }
  if (viewer.role !== 'ORGANIZER') {
    return (
      <Empty>
        <PageTitle>Organizers only</PageTitle>
        <h1>Organizers only</h1>
        <p>
          You are signed in as <strong>{viewer.email}</strong>, a shopper account. <Link to="/">Back to concerts</Link>
        </p>
      </Empty>
    );
  }
  return (
    <div className="organizer">
      <nav aria-label="Organizer" className="organizer__nav">
        <NavLink to="/organizer" end>
          Concerts
        </NavLink>
        <NavLink to="/organizer/keys">Partner API keys</NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
