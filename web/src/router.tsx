import { createBrowserRouter } from 'react-router';
import { Layout } from './components/Layout';
import { BookingRoute } from './routes/BookingRoute';
import { CatalogueRoute } from './routes/CatalogueRoute';
import { ConcertRoute } from './routes/ConcertRoute';
import { DashboardRoute } from './routes/DashboardRoute';
import { AccountRoute } from './routes/AccountRoute';
import { MailboxRoute } from './routes/MailboxRoute';
import { MyBookingsRoute } from './routes/MyBookingsRoute';
import { NotFoundRoute } from './routes/NotFoundRoute';
import { ApiKeysRoute } from './routes/ApiKeysRoute';
import { EditConcertRoute } from './routes/EditConcertRoute';
import { NewConcertRoute } from './routes/NewConcertRoute';
import { OrdersRoute } from './routes/OrdersRoute';
import { OrganizerArea } from './routes/OrganizerArea';
import { OrganizerConcertsRoute } from './routes/OrganizerConcertsRoute';
import { SignInRoute } from './routes/SignInRoute';
import { WaitingRoomRoute } from './routes/WaitingRoomRoute';
import { WaitingRoomAdminRoute } from './routes/WaitingRoomAdminRoute';

export const routes = [
  {
    element: <Layout />,
    children: [
      { path: '/', element: <CatalogueRoute /> },
      { path: '/concerts/:id', element: <ConcertRoute /> },
      { path: '/concerts/:id/waiting-room', element: <WaitingRoomRoute /> },
      { path: '/bookings/:id', element: <BookingRoute /> },
      { path: '/dashboard', element: <DashboardRoute /> },
      { path: '/mailbox', element: <MailboxRoute /> },
      { path: '/signin', element: <SignInRoute /> },
      { path: '/account', element: <AccountRoute /> },
      { path: '/my-bookings', element: <MyBookingsRoute /> },
      {
        path: '/organizer',
        element: <OrganizerArea />,
        children: [
          { index: true, element: <OrganizerConcertsRoute /> },
          { path: 'concerts/new', element: <NewConcertRoute /> },
          { path: 'concerts/:id', element: <EditConcertRoute /> },
          { path: 'concerts/:id/orders', element: <OrdersRoute /> },
          // Loaded on demand: the charting library and its styles are for organizers, not every shopper's first load.
          { path: 'concerts/:id/analytics', lazy: async () => ({ Component: (await import('./routes/SalesAnalyticsRoute')).SalesAnalyticsRoute }) },
          { path: 'concerts/:id/queue', element: <WaitingRoomAdminRoute /> },
          { path: 'keys', element: <ApiKeysRoute /> },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
