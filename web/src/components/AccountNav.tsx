import { NavLink } from 'react-router';
import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';

export const AccountNavFragment = graphql(/* GraphQL */ `
  fragment AccountNav_viewer on Viewer {
    email
    role
  }
`);

/** The header's corner: who is signed in (their account page), or the way to sign in. */
export function AccountNav(props: { viewer: FragmentType<typeof AccountNavFragment> | null | undefined }) {
  const viewer = useFragment(AccountNavFragment, props.viewer);
  // Unknown yet (loading, or the request failed): draw nothing rather than a wrong "Sign in".
  if (props.viewer === undefined) return null;
  if (!viewer) return <NavLink to="/signin">Sign in</NavLink>;
  return (
    <>
      {viewer.role === 'ORGANIZER' ? <NavLink to="/organizer">Organizer</NavLink> : null}
      <NavLink to="/my-bookings">My bookings</NavLink>
      <NavLink to="/account" className="site-header__account" data-testid="signed-in-as">
        {viewer.email}
      </NavLink>
    </>
  );
}
