import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { graphql } from '../gql/gql';
import { useSteppedReducer } from '../lib/useSteppedReducer';
import { admissionNotice, isAdmissionProblem, waitingRoomPath } from '../waiting-room/admissionMessages';
import { clearAdmission } from '../waiting-room/admissionStore';
import { bookingPath, rememberBookingLink } from './bookingLinks';
import { bookingReducer, initialBookingState } from './bookingState';
import { describeFailure, describeOutcome } from './shopperMessages';

// The tier comes back with a sold-out answer, so Apollo updates that tier's
// availability in its cache by id: every picker showing it redraws without a
// second request.
// Shoppers hold first and pay on the booking page; bookTickets (no payment) is for partners.
export const HoldTicketsMutation = graphql(/* GraphQL */ `
  mutation HoldTickets($input: BookTicketsInput!, $admissionToken: String) {
    holdTickets(input: $input, admissionToken: $admissionToken) {
      __typename
      ... on HoldTicketsSuccess {
        replayed
        booking {
          id
          accessToken
          items {
            quantity
            tier {
              id
              available
            }
          }
        }
      }
      ... on SoldOutError {
        tierId
        available
        tier {
          id
          name
          available
          capacity
        }
      }
      ... on TicketLimitExceededError {
        limit
        alreadyHeld
      }
      ... on NotOnSaleError {
        reason
        opensAt
      }
      ... on ValidationError {
        field
      }
      # Aliased: NotOnSaleError's reason is another enum.
      ... on InvalidAdmissionError {
        admissionRefusal: reason
      }
    }
  }
`);

interface TierInfo {
  id: string;
  name: string;
}

/**
 * Runs the booking state machine for one concert; the component only draws `state`. While the
 * concert sells through its waiting room, `admissionToken` goes with the hold.
 */
export function useHoldTickets(concertId: string, tiers: TierInfo[], admissionToken?: string | null) {
  const navigate = useNavigate();
  const [holdTickets] = useMutation(HoldTicketsMutation);
  const [state, apply] = useSteppedReducer(bookingReducer, initialBookingState);

  async function submit() {
    const tierIds = tiers.map((tier) => tier.id);
    const next = apply({ type: 'submitted', concertId, tierIds, freshKey: crypto.randomUUID() });
    if (next.status.kind !== 'submitting') return;
    const { order, key } = next.status;
    let result;
    try {
      const input = { ...order, idempotencyKey: key };
      const response = await holdTickets({ variables: admissionToken ? { input, admissionToken } : { input } });
      result = response.data?.holdTickets;
    } catch (error) {
      const failure = describeFailure(error);
      if (failure.kind === 'rejected') apply({ type: 'answered', outcome: failure });
      else apply({ type: 'lost', cause: failure.cause });
      return;
    }
    if (!result) return void apply({ type: 'lost', cause: 'server' });
    if (isAdmissionProblem(result)) {
      // Nothing was held. The waiting room reads the ticket again and shows the next step.
      clearAdmission(concertId);
      apply({ type: 'answered', outcome: { kind: 'rejected', reason: 'admission', errors: { form: admissionNotice(result), tiers: {} } } });
      navigate(waitingRoomPath(concertId), { state: { notice: admissionNotice(result) } });
      return;
    }
    const outcome = describeOutcome(result, order.items, (id) => tiers.find((tier) => tier.id === id)?.name);
    apply({ type: 'answered', outcome });
    if (outcome.kind === 'booked') {
      // One admission is good for one hold: this one is spent.
      clearAdmission(concertId);
      // A guest sees the booking only with its secret: it goes in the page's address, and is kept
      // in this browser for the emails' links, which carry none.
      rememberBookingLink(outcome.bookingId, outcome.accessToken);
      navigate(bookingPath(outcome.bookingId, outcome.accessToken), { state: { replayed: outcome.replayed } });
    }
  }

  return {
    state,
    setQuantity: (tierId: string, quantity: number) => apply({ type: 'quantityChanged', tierId, quantity }),
    setEmail: (email: string) => apply({ type: 'emailChanged', email }),
    submit: () => void submit(),
  };
}
