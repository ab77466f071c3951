import { Link } from 'react-router';
import { Empty } from '../components/StatusMessages';
import { PageTitle } from '../components/PageTitle';

export function NotFoundRoute() {
  return (
    <Empty>
      <PageTitle>Page not found</PageTitle>
      <h1>Page not found</h1>
      <p>
        <Link to="/">See all concerts</Link>
      </p>
    </Empty>
  );
}
