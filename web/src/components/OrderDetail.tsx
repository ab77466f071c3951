import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql/gql';
import { refundsOf } from '../booking/refunds';
import { OrderEmails } from './OrderEmails';
import { OrganizerCancelOrder } from './OrganizerCancelOrder';
import { PaymentHistory } from './PaymentHistory';
import { ErrorState, Loading } from './StatusMessages';

// The table lists orders; one order's payments and emails are read only when it is opened.
const OrderDetailQuery = graphql(/* GraphQL */ `
  query OrderDetail($id: ID!) {
    booking(id: $id) {
      id
      orderCode
      status
      customerEmail
      items {
        quantity
        tier {
          id
          name
        }
      }
      # Counted here ("No payments."); PaymentHistory draws them.
      payments {
        id
      }
      ...OrderEmails_booking
      ...PaymentHistory_booking
      ...Refunds_booking
    }
  }
`);

export function OrderDetail(props: { bookingId: string; onClose: () => void }) {
  const { data, error, loading, refetch } = useQuery(OrderDetailQuery, { variables: { id: props.bookingId }, fetchPolicy: 'cache-and-network' });
  if (loading && !data) return <Loading label="Loading the order…" />;
  if (error && !data) return <ErrorState title="This order could not be loaded." error={error} onRetry={() => void refetch()} />;
  const order = data?.booking;
  if (!order) return <p>This order no longer exists.</p>;
  const { refundable } = refundsOf(order);
  const cancellable = order.status === 'CONFIRMED' || order.status === 'PENDING';
  return (
    <section id="order-detail" className="card order-detail" aria-labelledby="order-detail-title">
      <h2 id="order-detail-title">Order {order.orderCode}</h2>
      <p>
        {order.customerEmail} · {order.items.map((item) => `${item.quantity} × ${item.tier.name}`).join(', ')}
      </p>
      {/* PaymentHistory brings its own heading. */}
      {order.payments.length === 0 ? <p>No payments.</p> : <PaymentHistory booking={order} />}
      <OrderEmails booking={order} />
      {/* Mounted after the cancellation too, so its confirmation stays on screen. */}
      <OrganizerCancelOrder bookingId={order.id} orderCode={order.orderCode} refundable={refundable} cancellable={cancellable} />
      <button type="button" className="button button--secondary" onClick={props.onClose}>
        Close order
      </button>
    </section>
  );
}
