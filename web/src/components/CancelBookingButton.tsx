import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../gql/gql';
import { formatMoney, type Money } from '../lib/format';

// The answer carries the booking as it now is; Apollo writes it under its id, so the page's refund
// and email notices redraw from what their own fragments read.
const CancelBookingMutation = graphql(/* GraphQL */ `
  mutation CancelBooking($bookingId: ID!, $accessToken: String) {
    cancelBooking(bookingId: $bookingId, accessToken: $accessToken) {
      __typename
      ... on CancelBookingSuccess {
        refunded {
          cents
          currency
        }
        booking {
          id
          status
          ...Refunds_booking
          ...EmailStatus_booking
        }
      }
      ... on BookingNotCancellableError {
        reason
      }
    }
  }
`);

const NOT_CANCELLABLE: Record<string, string> = {
  STARTED: 'The concert has started, so this booking can no longer be cancelled.',
  CANCELLED: 'This booking was already cancelled.',
  EXPIRED: 'This hold had already ended.',
  PAYMENT_IN_PROGRESS: 'A payment for this booking is still being decided. Try again in a moment.',
};

/** Cancel with a second, explicit step: the tickets go back on sale and the card is refunded. */
export function CancelBookingButton(props: { bookingId: string; accessToken: string | null; refundable: Money; onSettled: () => void }) {
  const [cancelBooking, { loading }] = useMutation(CancelBookingMutation);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function cancel() {
    setMessage(null);
    try {
      const { data } = await cancelBooking({ variables: { bookingId: props.bookingId, accessToken: props.accessToken } });
      const result = data?.cancelBooking;
      if (result?.__typename === 'BookingNotCancellableError') setMessage(NOT_CANCELLABLE[result.reason] ?? 'This booking cannot be cancelled.');
      if (result?.__typename !== 'CancelBookingSuccess') props.onSettled();
    } catch {
      // Cancelling twice is harmless, so the shopper may simply try again.
      setMessage('We could not reach the box office, so we don’t know yet whether the booking was cancelled. Trying again is safe.');
    }
  }

  if (!confirming) {
    return (
      <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
        Cancel booking
      </button>
    );
  }
  return (
    <div className="cancel-booking" role="group" aria-labelledby="cancel-question">
      <p id="cancel-question">
        Cancel this booking? The tickets go back on sale
        {props.refundable.cents > 0 ? ` and ${formatMoney(props.refundable)} is refunded to your card` : ''}.
      </p>
      <button type="button" className="button button--danger" disabled={loading} onClick={() => void cancel()}>
        {loading ? 'Cancelling…' : 'Yes, cancel and refund'}
      </button>{' '}
      <button type="button" className="button button--secondary" disabled={loading} onClick={() => setConfirming(false)}>
        Keep my tickets
      </button>
      {message ? (
        <p className="form-error" role="alert">
          {message}
        </p>
      ) : null}
    </div>
  );
}
