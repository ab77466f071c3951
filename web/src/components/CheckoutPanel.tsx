import { Link } from 'react-router';
import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import { paymentWords } from '../checkout/paymentMessages';
import { CardForm } from './CardForm';
import { HoldCountdown } from './HoldCountdown';
import { ReleaseHoldButton } from './ReleaseHoldButton';

export const CheckoutPanelFragment = graphql(/* GraphQL */ `
  fragment CheckoutPanel_booking on Booking {
    id
    total {
      cents
      currency
    }
    concert {
      id
    }
    payments {
      id
      status
    }
  }
`);

/** A payment the processor has not decided yet: the page waits for it instead of offering the form. */
export const isSettling = (status: string | undefined) => status === 'PROCESSING' || status === 'UNKNOWN';

// A live hold: how long is left (msLeft, counted by the page), the card form, and a way to give the
// tickets up.
export function CheckoutPanel(props: {
  booking: FragmentType<typeof CheckoutPanelFragment>;
  /** The booking link's secret, for a guest (null when signed in as its shopper). */
  accessToken: string | null;
  msLeft: number | null;
  onSettled: () => void;
}) {
  const booking = useFragment(CheckoutPanelFragment, props.booking);
  const { msLeft } = props;
  const latest = booking.payments.at(-1)?.status;

  if (isSettling(latest)) {
    return (
      <section className="card checkout" aria-labelledby="checkout-title">
        <h2 id="checkout-title">Payment</h2>
        <div className="state state--loading" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" />
          {latest === 'PROCESSING' ? paymentWords.processing : paymentWords.unknown}
        </div>
      </section>
    );
  }
  if (msLeft === 0) {
    return (
      <section className="card checkout" aria-labelledby="checkout-title">
        <h2 id="checkout-title">Payment</h2>
        <p role="alert">{paymentWords.expired}</p>
        <Link className="button button--secondary" to={`/concerts/${encodeURIComponent(booking.concert.id)}`}>
          Choose tickets again
        </Link>
      </section>
    );
  }
  return (
    <section className="card checkout" aria-labelledby="checkout-title">
      <h2 id="checkout-title">Payment</h2>
      {msLeft != null ? <HoldCountdown msLeft={msLeft} /> : null}
      <CardForm bookingId={booking.id} accessToken={props.accessToken} total={booking.total} onSettled={props.onSettled} />
      <ReleaseHoldButton bookingId={booking.id} accessToken={props.accessToken} onSettled={props.onSettled} />
    </section>
  );
}
