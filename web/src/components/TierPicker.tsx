import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import { MAX_QUANTITY_PER_TIER } from '../../../shared/booking-limits';
import { words } from '../booking/shopperMessages';
import { formatMoney } from '../lib/format';
import { AvailabilityBadge } from './AvailabilityBadge';

export const TierPickerFragment = graphql(/* GraphQL */ `
  fragment TierPicker_tier on TicketTier {
    id
    name
    price {
      cents
      currency
    }
    capacity
    available
  }
`);

interface Props {
  tier: FragmentType<typeof TierPickerFragment>;
  quantity: number;
  onChange: (quantity: number) => void;
  error?: string;
  disabled?: boolean;
}

export function TierPicker({ tier: tierRef, quantity, onChange, error, disabled }: Props) {
  const tier = useFragment(TierPickerFragment, tierRef);
  const soldOut = tier.available <= 0;
  const max = Math.max(0, Math.min(MAX_QUANTITY_PER_TIER, tier.available));
  // Keep a choice that availability has since overtaken visible, so the
  // shopper sees why it no longer fits rather than having it silently changed.
  const options = Array.from({ length: Math.max(max, quantity) + 1 }, (_, n) => n);
  const selectId = `qty-${tier.id}`;
  const hintId = `${selectId}-hint`;
  const tooMany = quantity > tier.available;
  const message = error ?? (tooMany ? words.overtaken(tier.name, tier.available) : undefined);

  return (
    <li className={`tier${soldOut ? ' tier--sold-out' : ''}`} data-testid="tier" data-tier-id={tier.id}>
      <div className="tier__info">
        <span className="tier__name">{tier.name}</span>
        <span className="tier__price">{formatMoney(tier.price)}</span>
      </div>
      {/* Not a live region: the form's one AvailabilityAnnouncer says what matters. */}
      <div className="tier__stock">
        <span className="tier__count">
          <span data-testid="tier-available">
            {tier.available} / {tier.capacity}
          </span>{' '}
          <span className="tier__count-unit">left</span>
        </span>
        <AvailabilityBadge available={tier.available} capacity={tier.capacity} />
      </div>
      <div className="tier__quantity">
        <label htmlFor={selectId}>
          Quantity <span className="visually-hidden">of {tier.name} tickets</span>
        </label>
        <select
          id={selectId}
          value={quantity}
          disabled={disabled || (soldOut && quantity === 0)}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? hintId : undefined}
          onChange={(event) => onChange(Number(event.target.value))}
        >
          {options.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      {message ? (
        <p id={hintId} className="field-error tier__error" role="alert">
          {message}
        </p>
      ) : null}
    </li>
  );
}
