import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../gql/gql';
import { formatMoney, type Money } from '../lib/format';

// The answer carries the order as it now is; Apollo writes it under its id, so the open order's
// payments and emails redraw from what their own fragments read.
const OrganizerCancelMutation = graphql(/* GraphQL */ `
  mutation OrganizerCancelOrder($bookingId: ID!) {
    cancelBooking(bookingId: $bookingId) {
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
          ...OrderEmails_booking
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

/** Cancels one order for its shopper, in two explicit steps; the second names the refund. */
export function OrganizerCancelOrder(props: { bookingId: string; orderCode: string; refundable: Money; cancellable: boolean }) {
  const [cancel, { loading }] = useMutation(OrganizerCancelMutation);
  const [step, setStep] = useState<'idle' | 'confirming'>('idle');
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const refund = props.refundable.cents > 0 ? `refund ${formatMoney(props.refundable)} to the card` : 'no refund (nothing was paid)';

  async function confirm() {
    setMessage(null);
    try {
      const { data } = await cancel({ variables: { bookingId: props.bookingId } });
      const result = data?.cancelBooking;
      if (result?.__typename === 'CancelBookingSuccess') {
        setStep('idle');
        setMessage({ text: `Order ${props.orderCode} cancelled; ${formatMoney(result.refunded)} refunded.`, failed: false });
      } else {
        setMessage({ text: result?.message ?? 'The order could not be cancelled.', failed: true });
      }
    } catch {
      setMessage({ text: 'We could not reach the box office; the order may not be cancelled. Trying again is safe.', failed: true });
    }
  }

  if (!props.cancellable && !message) return null;
  return (
    <div className="cancel-booking">
      {!props.cancellable ? null : step === 'idle' ? (
        <button type="button" className="button button--secondary" onClick={() => setStep('confirming')}>
          Cancel order
        </button>
      ) : (
        <div role="group" aria-labelledby="organizer-cancel-question">
          <p id="organizer-cancel-question">
            Cancel order {props.orderCode}? Its tickets go back on sale, the shopper is emailed, and we {refund}.
          </p>
          <button type="button" className="button button--danger" disabled={loading} onClick={() => void confirm()}>
            {loading ? 'Cancelling…' : props.refundable.cents > 0 ? `Cancel and refund ${formatMoney(props.refundable)}` : 'Cancel order now'}
          </button>{' '}
          <button type="button" className="button button--secondary" disabled={loading} onClick={() => setStep('idle')}>
            Keep the order
          </button>
        </div>
      )}
      <p className={message?.failed ? 'form-error' : undefined} role="status" aria-live="polite">
        {message?.text ?? ''}
      </p>
    </div>
  );
}
