import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import type { Money } from '../lib/format';

// The shopper's booking page and the organizer's order both offer to cancel with a refund and
// work the amount out here. Both cancellations' answers spread this too, so the figures redraw.
export const RefundsFragment = graphql(/* GraphQL */ `
  fragment Refunds_booking on Booking {
    payments {
      id
      status
      amount {
        cents
        currency
      }
      refunded {
        cents
        currency
      }
    }
  }
`);

export interface Refunds {
  /** Card money taken and not yet returned: what cancelling gives back. */
  refundable: Money;
  /** What has been returned to the card so far. */
  refunded: Money;
}

export function refundsOf(booking: FragmentType<typeof RefundsFragment>): Refunds {
  const { payments } = useFragment(RefundsFragment, booking);
  // A booking is paid in one currency; with no payment there is nothing to show in any.
  const currency = payments[0]?.amount.currency ?? 'USD';
  let refundable = 0;
  let refunded = 0;
  for (const payment of payments) {
    if (payment.status === 'SUCCEEDED') refundable += payment.amount.cents - payment.refunded.cents;
    refunded += payment.refunded.cents;
  }
  return { refundable: { cents: refundable, currency }, refunded: { cents: refunded, currency } };
}
