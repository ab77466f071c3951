import type { FormEvent } from 'react';
import type { CardDraft } from '../checkout/cardInput';
import { isPaying } from '../checkout/checkoutState';
import { describeNotice, paymentWords } from '../checkout/paymentMessages';
import { usePayForBooking } from '../checkout/usePayForBooking';
import { formatMoney, type Money } from '../lib/format';
import { TestCardList } from './TestCardList';

const FIELDS: { field: keyof CardDraft; label: string; autoComplete: string; placeholder: string }[] = [
  { field: 'number', label: 'Card number', autoComplete: 'cc-number', placeholder: '1234 1234 1234 1234' },
  { field: 'expiry', label: 'Expiry (MM/YY)', autoComplete: 'cc-exp', placeholder: 'MM/YY' },
  { field: 'cvc', label: 'Security code', autoComplete: 'cc-csc', placeholder: 'CVC' },
];

// Draws the payment state machine (checkout/usePayForBooking.ts); holds no state of its own.
export function CardForm(props: { bookingId: string; total: Money; onSettled: () => void; disabled?: boolean }) {
  const { state, setField, chooseTestCard, submit } = usePayForBooking(props.bookingId, props.total.currency, props.onSettled);
  const { status } = state;
  const paying = isPaying(state);
  const errors = status.kind === 'editing' ? status.errors : {};
  const locked = paying || props.disabled === true;

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
              disabled={locked}
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
      <TestCardList onChoose={chooseTestCard} disabled={locked} />
      {status.kind === 'editing' && status.notice ? (
        <p className="form-error" role="alert">
          {describeNotice(status.notice)}
        </p>
      ) : null}
      {status.kind === 'unknownOutcome' ? (
        <div className="form-error" role="alert">
          <p>{paymentWords.unknownOutcome(status.cause)}</p>
          <button type="button" className="button button--secondary" onClick={submit}>
            Try again
          </button>
        </div>
      ) : (
        <button type="submit" className="button button--primary" disabled={locked}>
          {paying ? 'Paying…' : `Pay ${formatMoney(props.total)}`}
        </button>
      )}
    </form>
  );
}
