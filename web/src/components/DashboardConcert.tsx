import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import { availabilityTone } from '../lib/availability';
import { formatDate } from '../lib/format';
import { useFlashOnChange } from '../lib/useFlashOnChange';

export const DashboardConcertFragment = graphql(/* GraphQL */ `
  fragment DashboardConcert_concert on Concert {
    id
    name
    venue
    startsAt
    timeZone
    tiers {
      id
      name
      capacity
      available
    }
  }
`);

type Tier = {
  id: string;
  name: string;
  capacity: number;
  available: number;
};

// The public dashboard is about inventory: what is not available is sold or held, and a hold
// counts until it is paid or given back. Revenue is the organizer's (sales analytics), not this page's.
export function DashboardConcert(props: { concert: FragmentType<typeof DashboardConcertFragment> }) {
  const concert = useFragment(DashboardConcertFragment, props.concert);
  const taken = concert.tiers.reduce((sum, tier) => sum + tier.capacity - tier.available, 0);
  const capacity = concert.tiers.reduce((sum, tier) => sum + tier.capacity, 0);

  return (
    <article className="card dashboard-concert" aria-labelledby={`dash-${concert.id}`} data-concert-id={concert.id}>
      <header className="dashboard-concert__header">
        <h2 id={`dash-${concert.id}`}>{concert.name}</h2>
        <p className="dashboard-concert__meta">
          <span>{concert.venue}</span>
          <time dateTime={concert.startsAt}>{formatDate(concert.startsAt, concert.timeZone)}</time>
        </p>
        <p className="dashboard-concert__totals" data-testid="dashboard-concert-taken">
          {taken} / {capacity} taken (sold or held)
        </p>
      </header>
      <table className="tier-table">
        <caption className="visually-hidden">Tickets taken by tier for {concert.name}</caption>
        <thead>
          <tr>
            <th scope="col">Tier</th>
            <th scope="col">Taken (sold or held)</th>
          </tr>
        </thead>
        <tbody>
          {concert.tiers.map((tier) => (
            <DashboardTierRow key={tier.id} tier={tier} />
          ))}
        </tbody>
      </table>
    </article>
  );
}

function DashboardTierRow({ tier }: { tier: Tier }) {
  const taken = tier.capacity - tier.available;
  const share = tier.capacity > 0 ? taken / tier.capacity : 0;
  const percent = Math.round(share * 100);
  const flashing = useFlashOnChange(tier.available);
  return (
    <tr className={flashing ? 'flash' : undefined} data-testid="dashboard-tier" data-tier-id={tier.id}>
      <th scope="row">{tier.name}</th>
      <td>
        <div className="bar-cell">
          <div className={`bar bar--${availabilityTone(tier.available, tier.capacity)}`} aria-hidden="true">
            <div className="bar__fill" style={{ width: `${share * 100}%` }} />
          </div>
          <span className="bar-cell__text" data-testid="dashboard-taken">
            {taken} / {tier.capacity}
          </span>
          <span className="visually-hidden">({percent}%)</span>
        </div>
      </td>
    </tr>
  );
}
