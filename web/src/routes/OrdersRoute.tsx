import { useState } from 'react';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { graphql } from '../gql/gql';
import { OrderDetail } from '../components/OrderDetail';
import { OrderRow } from '../components/OrderRow';
import { OrdersFilters } from '../components/OrdersFilters';
import { PageTitle } from '../components/PageTitle';
import { Empty, ErrorState, Loading } from '../components/StatusMessages';
import { noFilter, ordersVariables, type OrdersFilter } from '../organizer/ordersFilter';

const OrdersQuery = graphql(/* GraphQL */ `
  query Orders($concertId: ID!, $search: String, $status: [BookingStatus!], $createdFrom: DateTime, $createdTo: DateTime, $first: Int, $after: String) {
    concert(id: $concertId) {
      id
      name
    }
    orders(concertId: $concertId, search: $search, status: $status, createdFrom: $createdFrom, createdTo: $createdTo, first: $first, after: $after) {
      edges {
        node {
          id
          ...OrderRow_booking
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export function OrdersRoute() {
  const { id = '' } = useParams();
  const [filter, setFilter] = useState<OrdersFilter>(noFilter);
  const [openId, setOpenId] = useState<string | null>(null);
  const { data, error, networkStatus, fetchMore, refetch } = useQuery(OrdersQuery, {
    variables: ordersVariables(id, filter),
    // New orders arrive all the time: show what is cached, then the fresh list.
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const orders = data?.orders;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;
  const searching = networkStatus === NetworkStatus.loading || networkStatus === NetworkStatus.setVariables;

  return (
    <section aria-labelledby="orders-title">
      <PageTitle>{data?.concert ? `Orders · ${data.concert.name}` : 'Orders'}</PageTitle>
      <p className="breadcrumb">
        <Link to={`/organizer/concerts/${encodeURIComponent(id)}`}>← {data?.concert?.name ?? 'Concert'}</Link>
      </p>
      <div className="organizer__heading">
        <h1 id="orders-title">Orders{data?.concert ? ` · ${data.concert.name}` : ''}</h1>
        {/* A plain link: the browser downloads it with the session cookie, however large. */}
        <a className="button button--secondary" href={`/organizer/concerts/${encodeURIComponent(id)}/orders.csv`} download>
          Export CSV
        </a>
      </div>
      <OrdersFilters
        filter={filter}
        onApply={(next) => {
          setOpenId(null);
          setFilter(next);
        }}
      />
      <p className="visually-hidden" role="status" aria-live="polite">
        {searching ? 'Searching…' : orders ? ordersShown(orders.edges.length, orders.pageInfo.hasNextPage) : ''}
      </p>
      {!orders && searching ? <Loading label="Loading orders…" /> : null}
      {error && !orders ? <ErrorState title="The orders could not be loaded." error={error} onRetry={() => void refetch()} /> : null}
      {orders && orders.edges.length === 0 ? (
        <Empty>
          <p>No orders match.</p>
        </Empty>
      ) : null}
      {orders && orders.edges.length > 0 ? (
        <div className="table-scroll">
          <table className="organizer-table" aria-labelledby="orders-title" aria-busy={searching}>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Email</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Tickets
                </th>
                <th scope="col" className="num">
                  Total
                </th>
                <th scope="col">Placed</th>
              </tr>
            </thead>
            <tbody>
              {orders.edges.map(({ node }) => (
                <OrderRow key={node.id} booking={node} open={openId === node.id} onToggle={() => setOpenId(openId === node.id ? null : node.id)} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {orders?.pageInfo.hasNextPage ? (
        <p>
          <button type="button" className="button button--secondary" disabled={loadingMore} onClick={() => void fetchMore({ variables: { after: orders.pageInfo.endCursor } })}>
            {loadingMore ? 'Loading…' : 'Load more'}
          </button>
        </p>
      ) : null}
      {openId ? <OrderDetail bookingId={openId} onClose={() => setOpenId(null)} /> : null}
    </section>
  );
}

// "1 order shown.", but "1 or more orders shown." while further pages may hold more.
function ordersShown(count: number, more: boolean): string {
  return `${count}${more ? ' or more' : ''} ${count === 1 && !more ? 'order' : 'orders'} shown.`;
}
