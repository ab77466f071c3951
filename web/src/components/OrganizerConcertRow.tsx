import { Link } from 'react-router';
import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import { formatDate } from '../lib/format';
import { SalesStatusBadge } from './SalesStatusBadge';

export const OrganizerConcertRowFragment = graphql(/* GraphQL */ `
  fragment OrganizerConcertRow_concert on Concert {
    id
    name
    venue
    startsAt
    timeZone
    published
    salesStatus
    tiers {
      id
      capacity
      available
    }
  }
`);

/** One concert in the back office: whether shoppers see it, whether it sells, and how full it is. */
export function OrganizerConcertRow(props: { concert: FragmentType<typeof OrganizerConcertRowFragment> }) {
  const concert = useFragment(OrganizerConcertRowFragment, props.concert);
  const capacity = concert.tiers.reduce((sum, tier) => sum + tier.capacity, 0);
  // What is not available is sold or held: holds count until paid or given back.
  const taken = concert.tiers.reduce((sum, tier) => sum + tier.capacity - tier.available, 0);
  const path = `/organizer/concerts/${encodeURIComponent(concert.id)}`;
  return (
    <tr data-testid="organizer-concert">
      <th scope="row">
        <Link to={path}>{concert.name}</Link>
        <span className="organizer-table__sub">{concert.venue}</span>
      </th>
      <td>
        <time dateTime={concert.startsAt}>{formatDate(concert.startsAt, concert.timeZone)}</time>
      </td>
      <td>{concert.published ? 'Published' : <span className="tag tag--muted">Draft</span>}</td>
      <td>
        <SalesStatusBadge status={concert.salesStatus} />
      </td>
      <td className="num" data-testid="sold-of-capacity">
        {taken} / {capacity}
      </td>
      <td className="organizer-table__links">
        <Link to={`${path}/orders`}>
          Orders<span className="visually-hidden"> for {concert.name}</span>
        </Link>
        <Link to={`${path}/analytics`}>
          Sales<span className="visually-hidden"> figures for {concert.name}</span>
        </Link>
      </td>
    </tr>
  );
}
