import { Link } from 'react-router';
import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import { availabilityTone } from '../lib/availability';
import { formatDate, formatMoney } from '../lib/format';

export const ConcertCardFragment = graphql(/* GraphQL */ `
  fragment ConcertCard_concert on Concert {
    id
    name
    venue
    startsAt
    timeZone
    salesStatus
    tiers {
      id
      price {
        cents
        currency
      }
      capacity
      available
    }
  }
`);

export function ConcertCard(props: { concert: FragmentType<typeof ConcertCardFragment> }) {
  const concert = useFragment(ConcertCardFragment, props.concert);
  const available = concert.tiers.reduce((sum, tier) => sum + tier.available, 0);
  const capacity = concert.tiers.reduce((sum, tier) => sum + tier.capacity, 0);
  const onSale = concert.tiers.filter((tier) => tier.available > 0);
  // "From" shows what a shopper can still buy, not a price that is gone.
  const cheapest = (onSale.length > 0 ? onSale : concert.tiers).reduce<
    (typeof concert.tiers)[number] | undefined
  >((min, tier) => (!min || tier.price.cents < min.price.cents ? tier : min), undefined);
  const tone = availabilityTone(available, capacity);

  return (
    <article className="card concert-card" aria-labelledby={`concert-${concert.id}`}>
      <h2 id={`concert-${concert.id}`} className="concert-card__name">
        <Link to={`/concerts/${encodeURIComponent(concert.id)}`}>{concert.name}</Link>
      </h2>
      <p className="concert-card__meta">
        <span>{concert.venue}</span>
        <time dateTime={concert.startsAt}>{formatDate(concert.startsAt, concert.timeZone)}</time>
      </p>
      {/* A cancelled concert's tickets came back when its bookings were refunded: nothing is on sale. */}
      {concert.salesStatus === 'CANCELLED' ? (
        <p className="concert-card__availability availability--sold-out" data-testid="availability-summary">
          Cancelled
        </p>
      ) : (
        <>
          <p className="concert-card__price">
            {cheapest ? <>From <strong>{formatMoney(cheapest.price)}</strong></> : 'Prices to be announced'}
          </p>
          <p className={`concert-card__availability availability--${tone}`} data-testid="availability-summary">
            {summary(tone, available, capacity)}
          </p>
        </>
      )}
    </article>
  );
}

function summary(tone: ReturnType<typeof availabilityTone>, available: number, capacity: number): string {
  if (capacity === 0) return 'Not on sale yet';
  if (tone === 'sold-out') return 'Sold out';
  if (tone === 'low') return `Selling fast: ${available} of ${capacity} tickets left`;
  return `${available} of ${capacity} tickets left`;
}
