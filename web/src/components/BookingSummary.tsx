import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import { formatDate, formatMoney } from '../lib/format';

export const BookingSummaryFragment = graphql(/* GraphQL */ `
  fragment BookingSummary_booking on Booking {
    id
    status
    orderCode
    customerEmail
    createdAt
    concert {
      id
      name
      venue
      startsAt
      timeZone
    }
    items {
      quantity
      unitPrice {
        cents
        currency
      }
      tier {
        id
        name
      }
    }
    total {
      cents
      currency
    }
  }
`);

const HEADINGS: Record<string, string> = {
  PENDING: 'Complete your order',
  CONFIRMED: 'You’re going!',
  CANCELLED: 'Booking cancelled',
  EXPIRED: 'Your hold has ended',
};

export function BookingSummary(props: { booking: FragmentType<typeof BookingSummaryFragment> }) {
  const booking = useFragment(BookingSummaryFragment, props.booking);
  return (
    <article className="card booking-summary" aria-labelledby="booking-title">
      <h1 id="booking-title">{HEADINGS[booking.status]}</h1>
      <p className="booking-summary__concert">
        <strong>{booking.concert.name}</strong>
        <br />
        {booking.concert.venue} · <time dateTime={booking.concert.startsAt}>{formatDate(booking.concert.startsAt, booking.concert.timeZone)}</time>
      </p>
      <p className="booking-summary__code">
        Order code <strong data-testid="order-code">{booking.orderCode}</strong>
        {booking.status === 'PENDING' ? null : (
          <>
            {' '}· for <strong>{booking.customerEmail}</strong>
          </>
        )}
      </p>
      <table className="booking-items">
        <caption className="visually-hidden">Tickets in this booking</caption>
        <thead>
          <tr>
            <th scope="col">Tier</th>
            <th scope="col" className="num">Qty</th>
            <th scope="col" className="num">Unit price</th>
            <th scope="col" className="num">Subtotal</th>
          </tr>
        </thead>
        <tbody>
          {booking.items.map((item) => (
            <tr key={item.tier.id}>
              <th scope="row">{item.tier.name}</th>
              <td className="num">{item.quantity}</td>
              <td className="num">{formatMoney(item.unitPrice)}</td>
              <td className="num">
                {formatMoney({ cents: item.unitPrice.cents * item.quantity, currency: item.unitPrice.currency })}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Total
            </th>
            <td className="num" data-testid="booking-total">
              <strong>{formatMoney(booking.total)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="booking-summary__ref">Ordered {formatDate(booking.createdAt)}</p>
    </article>
  );
}
