import type { FormEvent } from 'react';
import type { CardDraft } from '../checkout/cardInput';
import { isPaying } from '../checkout/checkoutState';
import { describeNotice, paymentWords } from '../checkout/paymentMessages';
import { usePayForBooking } from '../checkout/usePayForBooking';
import { formatMoney, type Money } from '../lib/format';
import { RetryNotice } from './RetryNotice';
import { TestCardList } from './TestCardList';

const FIELDS: { field: keyof CardDraft; label: string; autoComplete: string; placeholder: string }[] = [
  { field: 'number', label: 'Card number', autoComplete: 'cc-number', placeholder: '1234 1234 1234 1234' },
  { field: 'expiry', label: 'Expiry (MM/YY)', autoComplete: 'cc-exp', placeholder: 'MM/YY' },
  { field: 'cvc', label: 'Security code', autoComplete: 'cc-csc', placeholder: 'CVC' },
];

// Draws the payment state machine (checkout/usePayForBooking.ts); holds no state of its own.
export function CardForm(props: { bookingId: string; accessToken: string | null; total: Money; onSettled: () => void }) {
  const { state, setField, chooseTestCard, submit } = usePayForBooking(props.bookingId, props.accessToken, props.total.currency, props.onSettled);
  const { status } = state;
  const paying = isPaying(state);
  const errors = status.kind === 'editing' ? status.errors : {};

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    submit();
  }

  return (
    <form className="card-form" onSubmit={onSubmit} noValidate aria-label="Pay by card">
      <div className="card-form__fields">
        {FIELDS.map(({ field, label, autoComplete, placeholder }) => (
          <div className={`field field--${field}`} key={field}>
            <label htmlFor={`card-${field}`}>{label}</label>
            <input
              id={`card-${field}`}
              inputMode="numeric"
              autoComplete={autoComplete}
              placeholder={placeholder}
              value={state.draft[field]}
              disabled={paying}
              aria-invalid={errors[field] ? true : undefined}
              aria-describedby={errors[field] ? `card-${field}-error` : undefined}
              onChange={(event) => setField(field, event.target.value)}
            />
            {errors[field] ? (
              <p id={`card-${field}-error`} className="field-error" role="alert">
                {errors[field]}
              </p>
            ) : null}
          </div>
        ))}
      </div>
      <TestCardList onChoose={chooseTestCard} disabled={paying} />
      {status.kind === 'editing' && status.notice ? (
        <p className="form-error" role="alert">
          {describeNotice(status.notice)}
        </p>
      ) : null}
      {status.kind === 'unknownOutcome' ? (
        <RetryNotice message={paymentWords.unknownOutcome(status.cause)} onRetry={submit} />
      ) : (
        <button type="submit" className="button button--primary" disabled={paying}>
          {paying ? 'Paying…' : `Pay ${formatMoney(props.total)}`}
        </button>
      )}
    </form>
  );
}
