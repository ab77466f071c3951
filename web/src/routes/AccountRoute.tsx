import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../gql/gql';
import { useSignOut } from '../auth/useSignOut';
import { PageTitle } from '../components/PageTitle';
import { Empty, ErrorState, Loading } from '../components/StatusMessages';

const AccountQuery = graphql(/* GraphQL */ `
  query Account {
    viewer {
      email
      emailVerified
      role
    }
  }
`);

export function AccountRoute() {
  const { data, error, loading, refetch } = useQuery(AccountQuery);
  const { state, signOut } = useSignOut();

  if (loading && !data) return <Loading label="Loading your account…" />;
  if (error && !data) return <ErrorState title="Your account could not be loaded." error={error} onRetry={() => void refetch()} />;
  const viewer = data?.viewer;
  if (!viewer) {
    return (
      <Empty>
        <PageTitle>Account</PageTitle>
        <h1>You are not signed in</h1>
        <p>
          <Link to="/signin?next=%2Faccount">Sign in</Link> to see your account and bookings.
        </p>
      </Empty>
    );
  }
  return (
    <section className="account" aria-labelledby="account-title">
      <PageTitle>Your account</PageTitle>
      <h1 id="account-title">Your account</h1>
      <div className="card account__card">
        <p>
          Signed in as <strong data-testid="account-email">{viewer.email}</strong>
          {viewer.role === 'ORGANIZER' ? ' (organizer)' : ''}.
        </p>
        {viewer.emailVerified ? null : (
          <p className="notice">Your email is not verified yet. Sign in once with an emailed link to prove it, and see the bookings you made with it as a guest.</p>
        )}
        <p className="account__actions">
          <Link className="button button--primary" to="/my-bookings">
            My bookings
          </Link>
          <button type="button" className="button button--secondary" disabled={state === 'signingOut'} onClick={signOut}>
            {state === 'signingOut' ? 'Signing out…' : 'Sign out'}
          </button>
        </p>
        {state === 'failed' ? (
          <p className="form-error" role="alert">
            We could not reach the box office, so you are still signed in. Try again.
          </p>
        ) : null}
      </div>
    </section>
  );
}
