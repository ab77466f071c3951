import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import { formatMoney } from '../lib/format';

export const SalesTotalsFragment = graphql(/* GraphQL */ `
  fragment SalesTotals_report on SalesAnalytics {
    totals {
      tickets
      revenue {
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

/** The range's headline figures; refunds stand apart because revenue already leaves cancelled bookings out. */
export function SalesTotals(props: { report: FragmentType<typeof SalesTotalsFragment> }) {
  const { totals } = useFragment(SalesTotalsFragment, props.report);
  return (
    <dl className="sales-totals" data-testid="sales-totals">
      <div className="card sales-totals__item">
        <dt>Tickets sold</dt>
        <dd data-testid="total-tickets">{totals.tickets}</dd>
      </div>
      <div className="card sales-totals__item">
        <dt>Revenue</dt>
        <dd data-testid="total-revenue">{formatMoney(totals.revenue)}</dd>
      </div>
      <div className="card sales-totals__item">
        <dt>Refunded</dt>
        <dd data-testid="total-refunded">{formatMoney(totals.refunded)}</dd>
      </div>
    </dl>
  );
}
