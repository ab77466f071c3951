import { useMutation } from '@apollo/client/react';
import { graphql } from '../gql/gql';
import { useSteppedReducer } from '../lib/useSteppedReducer';
import { checkoutReducer, describePayFailure, describePayResult, initialCheckoutState } from './checkoutState';

// The booking comes back with its new status and payments, so Apollo updates the page's booking
// in its cache by id: a success turns the checkout into the confirmation without a second request.
export const PayForBookingMutation = graphql(/* GraphQL */ `
  mutation PayForBooking($input: PayForBookingInput!) {
    payForBooking(input: $input) {
      __typename
      ... on PayForBookingSuccess {
        booking {
          id
          status
          holdRemainingMs
          payments {
            id
            status
            declineCode
            cardLast4
            amount {
              cents
              currency
            }
          }
        }
      }
      ... on PaymentDeclinedError {
        declineCode
      }
      ... on PaidTooLateError {
        refundedCents
      }
      ... on BookingNotPayableError {
        reason
      }
      ... on ValidationError {
        field
      }
    }
  }
`);

/** Runs the payment state machine for one hold; the component only draws `state`. */
export function usePayForBooking(bookingId: string, accessToken: string | null, currency: string, onSettled: () => void) {
  const [payForBooking] = useMutation(PayForBookingMutation);
  const [state, apply] = useSteppedReducer(checkoutReducer, initialCheckoutState);

  async function submit() {
    const next = apply({ type: 'submitted', bookingId, freshKey: crypto.randomUUID() });
    if (next.status.kind !== 'paying') return;
    const { card, key } = next.status;
    let result;
    try {
      const response = await payForBooking({ variables: { input: { bookingId, accessToken, card, idempotencyKey: key } } });
      result = response.data?.payForBooking;
    } catch (error) {
      const failure = describePayFailure(error);
      if (failure.kind === 'notice') apply({ type: 'answered', outcome: failure });
      else apply({ type: 'lost', cause: failure.cause });
      return;
    }
    if (!result) return void apply({ type: 'lost', cause: 'server' });
    const outcome = describePayResult(result, currency);
    apply({ type: 'answered', outcome });
    // Paid too late or not payable: the booking changed under this page; read it again.
    if (outcome.kind === 'notice' && (outcome.notice.kind === 'paidTooLate' || outcome.notice.kind === 'notPayable')) onSettled();
  }

  return {
    state,
    setField: (field: 'number' | 'expiry' | 'cvc', value: string) => apply({ type: 'fieldChanged', field, value }),
    chooseTestCard: (number: string, expiry: string) => apply({ type: 'testCardChosen', number, expiry }),
    submit: () => void submit(),
  };
}
