import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import { formatDate, formatMoney } from '../lib/format';
import { STATUS_WORDS } from '../organizer/ordersFilter';

export const OrderRowFragment = graphql(/* GraphQL */ `
  fragment OrderRow_booking on Booking {
    id
    orderCode
    customerEmail
    status
    createdAt
    items {
      quantity
    }
    total {
      cents
      currency
    }
  }
`);

/** One order in the table; its button opens the order's detail below the table. */
export function OrderRow(props: { booking: FragmentType<typeof OrderRowFragment>; open: boolean; onToggle: () => void }) {
  const order = useFragment(OrderRowFragment, props.booking);
  const tickets = order.items.reduce((sum, item) => sum + item.quantity, 0);
  return (
    <tr data-testid="order-row">
      <th scope="row">
        <button type="button" className="link-button" aria-expanded={props.open} aria-controls="order-detail" onClick={props.onToggle}>
          {order.orderCode}
        </button>
      </th>
      <td>{order.customerEmail}</td>
      <td>{STATUS_WORDS[order.status]}</td>
      <td className="num">{tickets}</td>
      <td className="num">{formatMoney(order.total)}</td>
      <td>
        <time dateTime={order.createdAt}>{formatDate(order.createdAt)}</time>
      </td>
    </tr>
  );
}
