import { Link } from 'react-router';
import { Empty } from '../components/StatusMessages';

export function NotFoundRoute() {
  return (
    <Empty>
      <h1>Page not found</h1>
      <p>
        <Link to="/">See all concerts</Link>
      </p>
    </Empty>
  );
}
