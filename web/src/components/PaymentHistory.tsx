import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import { formatDate, formatMoney } from '../lib/format';

export const PaymentHistoryFragment = graphql(/* GraphQL */ `
  fragment PaymentHistory_booking on Booking {
    payments {
      id
      status
      cardLast4
      declineCode
      createdAt
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

const STATUS_WORDS: Record<string, string> = {
  SUCCEEDED: 'Paid',
  DECLINED: 'Declined',
  PROCESSING: 'Waiting for your bank',
  UNKNOWN: 'Being checked with the card processor',
  REFUNDED: 'Refunded',
};

/** Every attempt to pay, so the shopper can match each line on a card statement. */
export function PaymentHistory(props: { booking: FragmentType<typeof PaymentHistoryFragment> }) {
  const { payments } = useFragment(PaymentHistoryFragment, props.booking);
  if (payments.length === 0) return null;
  return (
    <section className="payment-history" aria-labelledby="payments-title">
      <h2 id="payments-title">Payments</h2>
      <ul>
        {payments.map((payment) => (
          <li key={payment.id} data-testid="payment">
            Card ending {payment.cardLast4} · {formatMoney(payment.amount)} · {STATUS_WORDS[payment.status] ?? payment.status}
            {payment.status === 'DECLINED' && payment.declineCode === 'insufficient_funds' ? ' (insufficient funds)' : ''}
            {payment.refunded.cents > 0 && payment.status !== 'REFUNDED' ? ` · ${formatMoney(payment.refunded)} refunded` : ''} ·{' '}
            <time dateTime={payment.createdAt}>{formatDate(payment.createdAt)}</time>
          </li>
        ))}
      </ul>
    </section>
  );
}
