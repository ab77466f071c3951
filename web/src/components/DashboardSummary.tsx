import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';

export const DashboardSummaryFragment = graphql(/* GraphQL */ `
  fragment DashboardSummary_concert on Concert {
    id
    tiers {
      id
      capacity
      available
    }
  }
`);

// The headline inventory across every concert. Taken is capacity minus available, so it counts
// unpaid holds too; no revenue here: this page is public, and real revenue is the organizer's.
export function DashboardSummary(props: { concerts: ReadonlyArray<FragmentType<typeof DashboardSummaryFragment>> }) {
  const concerts = useFragment(DashboardSummaryFragment, props.concerts);
  const tiers = concerts.flatMap((concert) => concert.tiers);
  const taken = tiers.reduce((sum, tier) => sum + tier.capacity - tier.available, 0);
  const capacity = tiers.reduce((sum, tier) => sum + tier.capacity, 0);
  const soldOut = tiers.filter((tier) => tier.available <= 0).length;
  return (
    <dl className="dashboard-summary" data-testid="dashboard-summary">
      <div>
        <dt>Tickets taken (sold or held)</dt>
        <dd data-testid="summary-taken">{taken.toLocaleString('en-US')}</dd>
      </div>
      <div>
        <dt>Capacity</dt>
        <dd>{capacity.toLocaleString('en-US')}</dd>
      </div>
      <div>
        <dt>Tiers sold out</dt>
        <dd>{soldOut}</dd>
      </div>
    </dl>
  );
}
