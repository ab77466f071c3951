import { useMemo, useRef, useState, type FormEvent } from 'react';
import { CombinedGraphQLErrors } from '@apollo/client';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import { createAttemptTracker, type Order } from '../booking/bookingAttempt';
import { describeOutcome, type FormErrors } from '../booking/bookingOutcome';
import { formatMoney } from '../lib/format';
import { TierPicker } from './TierPicker';

export const BookingFormFragment = graphql(/* GraphQL */ `
  fragment BookingForm_concert on Concert {
    id
    tiers {
      id
      name
      available
      price {
        cents
        currency
      }
      ...TierPicker_tier
    }
  }
`);

export const BookTicketsMutation = graphql(/* GraphQL */ `
  mutation BookTickets($input: BookTicketsInput!) {
    bookTickets(input: $input) {
      __typename
      ... on BookTicketsSuccess {
        replayed
        booking {
          id
          items {
            quantity
            tier {
              id
              available
            }
          }
        }
      }
      ... on SoldOutError {
        message
        tierId
        requested
        available
      }
      ... on ValidationError {
        message
        field
      }
      ... on IdempotencyKeyReusedError {
        message
      }
      ... on NotFoundError {
        message
        id
      }
    }
  }
`);

// Re-read after a sold-out answer so every picker shows what is really left;
// tiers are normalized by id, so this refreshes them wherever they are shown.
export const BookingFormAvailabilityQuery = graphql(/* GraphQL */ `
  query BookingFormAvailability($concertId: ID!) {
    availability(concertId: $concertId) {
      id
      available
      capacity
    }
  }
`);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NO_ERRORS: FormErrors = { tiers: {} };

export function BookingForm(props: { concert: FragmentType<typeof BookingFormFragment> }) {
  const concert = useFragment(BookingFormFragment, props.concert);
  const navigate = useNavigate();
  const client = useApolloClient();
  const [bookTickets, { loading }] = useMutation(BookTicketsMutation);
  const tracker = useRef(createAttemptTracker()).current;
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  // Set when we cannot tell whether the booking happened; the retry reuses the key.
  const [unknownOutcome, setUnknownOutcome] = useState<'network' | 'server' | null>(null);

  const items = useMemo(
    () =>
      concert.tiers
        .map((tier) => ({ tierId: tier.id, quantity: quantities[tier.id] ?? 0 }))
        .filter((line) => line.quantity > 0),
    [concert.tiers, quantities],
  );
  const totalCents = items.reduce(
    (sum, line) => sum + line.quantity * (concert.tiers.find((t) => t.id === line.tierId)?.price.cents ?? 0),
    0,
  );
  const currency = concert.tiers[0]?.price.currency ?? 'USD';
  const count = items.reduce((sum, line) => sum + line.quantity, 0);
  const overAvailable = concert.tiers.some((tier) => (quantities[tier.id] ?? 0) > tier.available);

  function changeQuantity(tierId: string, quantity: number) {
    setQuantities((current) => ({ ...current, [tierId]: quantity }));
    setErrors((current) => ({ ...current, form: undefined, tiers: { ...current.tiers, [tierId]: '' } }));
    setUnknownOutcome(null);
  }

  async function submit() {
    const order: Order = { concertId: concert.id, customerEmail: email.trim(), items };
    const local = checkLocally(order);
    if (local) return setErrors(local);
    setErrors(NO_ERRORS);
    setUnknownOutcome(null);
    const idempotencyKey = tracker.keyFor(order);
    let result;
    try {
      const response = await bookTickets({ variables: { input: { ...order, idempotencyKey } } });
      result = response.data?.bookTickets;
    } catch (error) {
      // The booking may or may not have happened; the retry reuses the key
      // so the server can tell us which without booking twice.
      setUnknownOutcome(CombinedGraphQLErrors.is(error) ? 'server' : 'network');
      return;
    }
    if (!result) return setUnknownOutcome('server');
    tracker.settle();
    const outcome = describeOutcome(result, order.items, (id) => concert.tiers.find((t) => t.id === id)?.name);
    if (outcome.kind === 'booked') {
      navigate(`/bookings/${encodeURIComponent(outcome.bookingId)}`, { state: { replayed: outcome.replayed } });
      return;
    }
    setErrors(outcome.errors);
    if (result.__typename === 'SoldOutError') {
      void client
        .query({ query: BookingFormAvailabilityQuery, variables: { concertId: concert.id }, fetchPolicy: 'network-only' })
        .catch(() => undefined);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!loading) void submit();
  }

  return (
    <form className="booking-form" onSubmit={onSubmit} noValidate aria-label="Book tickets">
      <ul className="tiers">
        {concert.tiers.map((tier) => (
          <TierPicker
            key={tier.id}
            tier={tier}
            quantity={quantities[tier.id] ?? 0}
            onChange={(quantity) => changeQuantity(tier.id, quantity)}
            error={errors.tiers[tier.id] || undefined}
            disabled={loading}
          />
        ))}
      </ul>
      <div className="field">
        <label htmlFor="customer-email">Email for your tickets</label>
        <input
          id="customer-email"
          type="email"
          autoComplete="email"
          inputMode="email"
          value={email}
          disabled={loading}
          aria-invalid={errors.customerEmail ? true : undefined}
          aria-describedby={errors.customerEmail ? 'customer-email-error' : undefined}
          onChange={(event) => {
            setEmail(event.target.value);
            setErrors((current) => ({ ...current, customerEmail: undefined, form: undefined }));
            setUnknownOutcome(null);
          }}
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
        <button type="submit" className="button button--primary" disabled={loading || overAvailable}>
          {loading ? 'Booking…' : 'Book'}
        </button>
      </div>
      {errors.form ? (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      {unknownOutcome ? (
        <div className="form-error" role="alert">
          <p>
            {unknownOutcome === 'network'
              ? 'We could not reach the box office, so we don’t know yet whether your booking went through.'
              : 'Something went wrong at the box office, so we don’t know yet whether your booking went through.'}{' '}
            Trying again is safe: you will not be booked twice.
          </p>
          <button type="button" className="button button--secondary" disabled={loading} onClick={() => void submit()}>
            Try again
          </button>
        </div>
      ) : null}
    </form>
  );
}

function checkLocally(order: Order): FormErrors | null {
  if (order.items.length === 0) return { form: 'Choose at least one ticket.', tiers: {} };
  if (!EMAIL.test(order.customerEmail)) {
    return { customerEmail: 'Enter the email address your tickets should go to.', tiers: {} };
  }
  return null;
}
