import { Link } from 'react-router';
import { PageTitle } from './PageTitle';
import { Empty } from './StatusMessages';

/** A concert id that names no concert this viewer may see: the shop's, or the organizer's own. */
export function ConcertNotFound({ area }: { area: 'shop' | 'organizer' }) {
  return (
    <Empty>
      <PageTitle>Concert not found</PageTitle>
      <h1>Concert not found</h1>
      <p>
        {area === 'shop' ? 'It may have been removed. ' : null}
        <Link to={area === 'shop' ? '/' : '/organizer'}>See all concerts</Link>
      </p>
    </Empty>
  );
}
