import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import { availabilityTone } from '../lib/availability';
import { formatDate, formatMoney } from '../lib/format';
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
      price {
        cents
        currency
      }
    }
  }
`);

type Tier = {
  id: string;
  name: string;
  capacity: number;
  available: number;
  price: { cents: number; currency: string };
};

// Revenue is what has been sold at the tier's price; the server keeps unit
// prices per booking, but tier prices do not change during an on-sale.
export function tierRevenueCents(tier: Pick<Tier, 'capacity' | 'available' | 'price'>): number {
  return (tier.capacity - tier.available) * tier.price.cents;
}

export function DashboardConcert(props: { concert: FragmentType<typeof DashboardConcertFragment> }) {
  const concert = useFragment(DashboardConcertFragment, props.concert);
  const currency = concert.tiers[0]?.price.currency ?? 'USD';
  const revenue = concert.tiers.reduce((sum, tier) => sum + tierRevenueCents(tier), 0);
  const sold = concert.tiers.reduce((sum, tier) => sum + tier.capacity - tier.available, 0);
  const capacity = concert.tiers.reduce((sum, tier) => sum + tier.capacity, 0);

  return (
    <article className="card dashboard-concert" aria-labelledby={`dash-${concert.id}`} data-concert-id={concert.id}>
      <header className="dashboard-concert__header">
        <h2 id={`dash-${concert.id}`}>{concert.name}</h2>
        <p className="dashboard-concert__meta">
          <span>{concert.venue}</span>
          <time dateTime={concert.startsAt}>{formatDate(concert.startsAt, concert.timeZone)}</time>
        </p>
        <p className="dashboard-concert__totals">
          <span>
            {sold} / {capacity} sold
          </span>
          <strong>{formatMoney({ cents: revenue, currency })}</strong>
        </p>
      </header>
      <table className="tier-table">
        <caption className="visually-hidden">Sales by tier for {concert.name}</caption>
        <thead>
          <tr>
            <th scope="col">Tier</th>
            <th scope="col">Sold</th>
            <th scope="col" className="num">Revenue</th>
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
  const sold = tier.capacity - tier.available;
  const share = tier.capacity > 0 ? sold / tier.capacity : 0;
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
          <span className="bar-cell__text" data-testid="dashboard-sold">
            {sold} / {tier.capacity}
          </span>
          <span className="visually-hidden">({percent}%)</span>
        </div>
      </td>
      <td className="num">{formatMoney({ cents: tierRevenueCents(tier), currency: tier.price.currency })}</td>
    </tr>
  );
}
