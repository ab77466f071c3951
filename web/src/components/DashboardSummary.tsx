import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import { formatMoney } from '../lib/format';
import { tierRevenueCents } from './DashboardConcert';

export const DashboardSummaryFragment = graphql(/* GraphQL */ `
  fragment DashboardSummary_concert on Concert {
    id
    tiers {
      id
      capacity
      available
      price {
        cents
        currency
      }
    }
  }
`);

// The headline numbers across every concert: what the box office asks first.
export function DashboardSummary(props: { concerts: ReadonlyArray<FragmentType<typeof DashboardSummaryFragment>> }) {
  const concerts = useFragment(DashboardSummaryFragment, props.concerts);
  const tiers = concerts.flatMap((concert) => concert.tiers);
  const sold = tiers.reduce((sum, tier) => sum + tier.capacity - tier.available, 0);
  const capacity = tiers.reduce((sum, tier) => sum + tier.capacity, 0);
  const revenue = tiers.reduce((sum, tier) => sum + tierRevenueCents(tier), 0);
  const soldOut = tiers.filter((tier) => tier.available <= 0).length;
  return (
    <dl className="dashboard-summary" data-testid="dashboard-summary">
      <div>
        <dt>Tickets sold</dt>
        <dd data-testid="summary-sold">{sold.toLocaleString('en-US')}</dd>
      </div>
      <div>
        <dt>Capacity</dt>
        <dd>{capacity.toLocaleString('en-US')}</dd>
      </div>
      <div>
        <dt>Revenue</dt>
        <dd data-testid="summary-revenue">{formatMoney({ cents: revenue, currency: tiers[0]?.price.currency ?? 'USD' })}</dd>
      </div>
      <div>
        <dt>Tiers sold out</dt>
        <dd>{soldOut}</dd>
      </div>
    </dl>
  );
}
