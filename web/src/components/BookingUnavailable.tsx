import { Link } from 'react-router';
import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import { bookingPath } from '../booking/bookingLinks';
import { PageTitle } from './PageTitle';
import { Empty } from './StatusMessages';

export const BookingUnavailableFragment = graphql(/* GraphQL */ `
  fragment BookingUnavailable_viewer on Viewer {
    email
  }
`);

/**
 * The server answers null both for a booking that does not exist and for one this visitor may not
 * see, so ids cannot be probed. What helps differs: a guest most likely has a link without its
 * secret; a signed-in shopper is looking at someone else's booking, or signed in with another email.
 */
export function BookingUnavailable(props: { viewer: FragmentType<typeof BookingUnavailableFragment> | null; bookingId: string }) {
  const viewer = useFragment(BookingUnavailableFragment, props.viewer);
  if (!viewer) {
    const next = encodeURIComponent(bookingPath(props.bookingId));
    return (
      <Empty>
        <PageTitle>Booking link incomplete</PageTitle>
        <h1>This booking link is incomplete or not yours</h1>
        <p>
          Open the full link from the page where you booked, or <Link to={`/signin?next=${next}`}>sign in to see your bookings</Link>.
        </p>
      </Empty>
    );
  }
  return (
    <Empty>
      <PageTitle>Booking not found</PageTitle>
      <h1>Booking not found</h1>
      <p>
        This booking is not in the account of <strong>{viewer.email}</strong>. <Link to="/my-bookings">See your bookings</Link>
      </p>
    </Empty>
  );
}
