import { Link } from 'react-router';
import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import { bookingPath } from '../booking/bookingLinks';
import { formatDate, formatMoney } from '../lib/format';

export const MyBookingRowFragment = graphql(/* GraphQL */ `
  fragment MyBookingRow_booking on Booking {
    id
    orderCode
    status
    createdAt
    total {
      cents
      currency
    }
    concert {
      id
      name
      startsAt
      timeZone
    }
  }
`);

const STATUS_WORDS: Record<string, string> = {
  PENDING: 'Held, not paid yet',
  CONFIRMED: 'Confirmed',
  CANCELLED: 'Cancelled',
  EXPIRED: 'Hold ended',
};

/** One of the shopper's bookings; its own page needs no link secret for its signed-in shopper. */
export function MyBookingRow(props: { booking: FragmentType<typeof MyBookingRowFragment> }) {
  const booking = useFragment(MyBookingRowFragment, props.booking);
  return (
    <article className="card my-booking" data-testid="my-booking">
      <h2 className="my-booking__concert">
        <Link to={bookingPath(booking.id)}>{booking.concert.name}</Link>
      </h2>
      <p className="my-booking__when">
        <time dateTime={booking.concert.startsAt}>{formatDate(booking.concert.startsAt, booking.concert.timeZone)}</time>
      </p>
      <dl className="my-booking__facts">
        <div>
          <dt>Order</dt>
          <dd className="my-booking__code">{booking.orderCode}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd className={`my-booking__status my-booking__status--${booking.status.toLowerCase()}`}>{STATUS_WORDS[booking.status] ?? booking.status}</dd>
        </div>
        <div>
          <dt>Total</dt>
          <dd>{formatMoney(booking.total)}</dd>
        </div>
        <div>
          <dt>Booked</dt>
          <dd>
            <time dateTime={booking.createdAt}>{formatDate(booking.createdAt)}</time>
          </dd>
        </div>
      </dl>
    </article>
  );
}
