import { createBrowserRouter } from 'react-router';
import { Layout } from './components/Layout';
import { BookingRoute } from './routes/BookingRoute';
import { CatalogueRoute } from './routes/CatalogueRoute';
import { ConcertRoute } from './routes/ConcertRoute';
import { DashboardRoute } from './routes/DashboardRoute';
import { MailboxRoute } from './routes/MailboxRoute';
import { NotFoundRoute } from './routes/NotFoundRoute';

export const routes = [
  {
    element: <Layout />,
    children: [
      { path: '/', element: <CatalogueRoute /> },
      { path: '/concerts/:id', element: <ConcertRoute /> },
      { path: '/bookings/:id', element: <BookingRoute /> },
      { path: '/dashboard', element: <DashboardRoute /> },
      { path: '/mailbox', element: <MailboxRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
