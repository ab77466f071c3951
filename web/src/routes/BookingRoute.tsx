import { useEffect, useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { graphql } from '../gql/gql';
import { rememberBookingLink, rememberedAccessToken } from '../booking/bookingLinks';
import { refundsOf } from '../booking/refunds';
import { paymentWords } from '../checkout/paymentMessages';
import { useHoldCountdown } from '../checkout/useHoldCountdown';
import { BookingSummary } from '../components/BookingSummary';
import { CancelBookingButton } from '../components/CancelBookingButton';
import { CheckoutPanel, isSettling } from '../components/CheckoutPanel';
import { EmailStatus } from '../components/EmailStatus';
import { PageTitle } from '../components/PageTitle';
import { PaymentHistory } from '../components/PaymentHistory';
import { ErrorState, Loading } from '../components/StatusMessages';
import { BookingUnavailable } from '../components/BookingUnavailable';
import { formatMoney } from '../lib/format';

const BookingQuery = graphql(/* GraphQL */ `
  query Booking($id: ID!, $accessToken: String) {
    viewer {
      ...BookingUnavailable_viewer
    }
    booking(id: $id, accessToken: $accessToken) {
      id
      status
      holdRemainingMs
      concert {
        id
        startsAt
      }
      # The last payment's status: the page polls while it is being decided.
      payments {
        id
        status
      }
      ...Refunds_booking
      ...BookingSummary_booking
      ...CheckoutPanel_booking
      ...EmailStatus_booking
      ...PaymentHistory_booking
    }
  }
`);

// How often the page asks again while something is being decided elsewhere: a card processor
// confirming, or the sweeper putting an ended hold back on sale.
const SETTLING_POLL_MS = 1_500;

const PAGE_TITLES: Record<string, string> = {
  PENDING: 'Checkout',
  CONFIRMED: 'Your booking',
  CANCELLED: 'Booking cancelled',
  EXPIRED: 'Hold ended',
};

export function BookingRoute() {
  const { id = '' } = useParams();
  const location = useLocation();
  const replayed = (location.state as { replayed?: boolean } | null)?.replayed === true;
  // The link's secret (?access=), else the one this browser kept when it made or opened the booking:
  // the emails link to the booking without it.
  const linkToken = useSearchParams()[0].get('access');
  const accessToken = useMemo(() => linkToken ?? rememberedAccessToken(id), [id, linkToken]);
  const { data, error, loading, refetch, startPolling, stopPolling } = useQuery(BookingQuery, {
    variables: { id, accessToken },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: false,
  });
  const booking = data?.booking;
  const msLeft = useHoldCountdown(booking?.status === 'PENDING' ? booking.holdRemainingMs : null);
  const waiting = booking?.status === 'PENDING' && (isSettling(booking.payments.at(-1)?.status) || msLeft === 0);

  const found = Boolean(booking);
  useEffect(() => {
    if (found && linkToken) rememberBookingLink(id, linkToken);
  }, [found, id, linkToken]);

  useEffect(() => {
    if (!waiting) return;
    startPolling(SETTLING_POLL_MS);
    return () => stopPolling();
  }, [waiting, startPolling, stopPolling]);

  if (loading && !data) return <Loading label="Loading your booking…" />;
  if (error && !data) {
    return <ErrorState title="This booking could not be loaded." error={error} onRetry={() => void refetch()} />;
  }
  if (!booking) return <BookingUnavailable viewer={data?.viewer ?? null} bookingId={id} />;
  const settled = () => void refetch();
  const { refundable, refunded } = refundsOf(booking);
  const cancellable = booking.status === 'CONFIRMED' && new Date(booking.concert.startsAt).getTime() > Date.now();

  return (
    <section className="booking-page">
      <PageTitle>{PAGE_TITLES[booking.status] ?? 'Your booking'}</PageTitle>
      {replayed ? (
        <p className="notice" role="status">
          This order had already been placed; nothing was held twice.
        </p>
      ) : null}
      <BookingSummary booking={booking} />
      {booking.status === 'PENDING' ? <CheckoutPanel booking={booking} accessToken={accessToken} msLeft={msLeft} onSettled={settled} /> : null}
      {booking.status === 'CANCELLED' && refunded.cents > 0 ? (
        <p className="notice" role="status">
          {formatMoney(refunded)} was refunded to your card.
        </p>
      ) : null}
      {booking.status === 'EXPIRED' ? (
        <p className="notice" role="status">
          {refunded.cents > 0 ? paymentWords.expiredRefunded(formatMoney(refunded)) : paymentWords.expired}
        </p>
      ) : null}
      <EmailStatus booking={booking} />
      <PaymentHistory booking={booking} />
      <p className="booking-page__actions">
        {cancellable ? <CancelBookingButton bookingId={booking.id} accessToken={accessToken} refundable={refundable} onSettled={settled} /> : null}
        <Link className="button button--secondary" to={`/concerts/${encodeURIComponent(booking.concert.id)}`}>
          Back to the concert
        </Link>
        <Link to="/">See all concerts</Link>
      </p>
    </section>
  );
}
