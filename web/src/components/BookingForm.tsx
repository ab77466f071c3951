import { useMemo, type FormEvent } from 'react';
import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import { errorsOf, isBusy } from '../booking/bookingState';
import { words } from '../booking/shopperMessages';
import { useHoldTickets } from '../booking/useHoldTickets';
import { formatMoney } from '../lib/format';
import type { Admission } from '../waiting-room/admissionStore';
import { AdmissionCountdown } from './AdmissionCountdown';
import { AvailabilityAnnouncer } from './AvailabilityAnnouncer';
import { FormError } from './FormError';
import { RetryNotice } from './RetryNotice';
import { SalesNotice } from './SalesNotice';
import { TierPicker } from './TierPicker';


export const BookingFormFragment = graphql(/* GraphQL */ `
  fragment BookingForm_concert on Concert {
    id
    salesStatus
    ...SalesNotice_concert
    tiers {
      id
      name
      available
      capacity
      price {
        cents
        currency
      }
      ...TierPicker_tier
    }
  }
`);

// Draws the booking state machine (booking/useHoldTickets.ts); holds no state of its own.
// `admission`: the waiting room's admission, while the concert sells through one.
export function BookingForm(props: { concert: FragmentType<typeof BookingFormFragment>; admission?: Admission | null }) {
  const concert = useFragment(BookingFormFragment, props.concert);
  const { admission } = props;
  const { state, setQuantity, setEmail, submit } = useHoldTickets(concert.id, concert.tiers, admission?.token);
  const { quantities, email } = state.draft;
  const { status } = state;
  const errors = errorsOf(status);
  const busy = isBusy(state);
  // Paused, not yet open, sold out or over: the notice says why, and nothing can be chosen.
  const closed = concert.salesStatus !== 'ON_SALE';

  const count = concert.tiers.reduce((sum, tier) => sum + (quantities[tier.id] ?? 0), 0);
  const totalCents = concert.tiers.reduce((sum, tier) => sum + (quantities[tier.id] ?? 0) * tier.price.cents, 0);
  const currency = concert.tiers[0]?.price.currency ?? 'USD';
  const overAvailable = concert.tiers.some((tier) => (quantities[tier.id] ?? 0) > tier.available);
  const availability = useMemo(() => concert.tiers.map(({ id, name, available, capacity }) => ({ id, name, available, capacity })), [concert.tiers]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    submit();
  }

  return (
    <form className="booking-form" onSubmit={onSubmit} noValidate aria-label="Book tickets">
      {admission ? <AdmissionCountdown expiresAt={admission.expiresAt} /> : null}
      <SalesNotice concert={concert} />
      <ul className="tiers">
        {concert.tiers.map((tier) => (
          <TierPicker
            key={tier.id}
            tier={tier}
            quantity={quantities[tier.id] ?? 0}
            onChange={(quantity) => setQuantity(tier.id, quantity)}
            error={errors.tiers[tier.id] || undefined}
            disabled={busy || closed}
          />
        ))}
      </ul>
      <AvailabilityAnnouncer tiers={availability} chosen={quantities} />
      <div className="field">
        <label htmlFor="customer-email">Email for your tickets</label>
        <input
          id="customer-email"
          type="email"
          autoComplete="email"
          inputMode="email"
          value={email}
          disabled={busy || closed}
          aria-invalid={errors.customerEmail ? true : undefined}
          aria-describedby={errors.customerEmail ? 'customer-email-error' : undefined}
          onChange={(event) => setEmail(event.target.value)}
        />
        {errors.customerEmail ? (
          <p id="customer-email-error" className="field-error" role="alert">
            {errors.customerEmail}
          </p>
        ) : null}
      </div>
      <div className="booking-form__footer">
        <p className="booking-form__total" aria-live="polite">
          {count > 0 ? `${count} ${count === 1 ? 'ticket' : 'tickets'}` : 'No tickets selected'} · Total{' '}
          <strong data-testid="order-total">{formatMoney({ cents: totalCents, currency })}</strong>
        </p>
        <button type="submit" className="button button--primary" disabled={busy || overAvailable || closed} aria-describedby={closed ? 'sales-notice' : undefined}>
          {busy ? 'Holding your tickets…' : 'Continue to payment'}
        </button>
      </div>
      <FormError message={errors.form} />
      {status.kind === 'unknownOutcome' ? <RetryNotice message={words.unknownOutcome(status.cause)} onRetry={submit} /> : null}
    </form>
  );
}
