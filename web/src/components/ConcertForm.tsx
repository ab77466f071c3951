import { useMemo, type FormEvent } from 'react';
import { concertFormReducer, initialConcertForm, type ConcertDraft, type ConcertField, type ConcertInput, type Mode } from '../organizer/concertForm';
import { useSteppedReducer } from '../lib/useSteppedReducer';
import { timeZoneOptions } from '../lib/zonedTime';
import { FormError } from './FormError';
import { FormField } from './FormField';
import { NewTierFields } from './NewTierFields';

export type SaveOutcome = { kind: 'saved' } | { kind: 'rejected'; field?: string | null; message: string };

const UNREACHABLE = 'We could not reach the box office, so nothing may have been saved. Check the concert list, then try again.';

/** Create or edit a concert's facts (tiers of an existing concert: TierEditor). Draws the reducer's state; the route saves. */
export function ConcertForm(props: { mode: Mode; initial: ConcertDraft; onSave: (input: Partial<ConcertInput>) => Promise<SaveOutcome> }) {
  const [state, dispatch] = useSteppedReducer(concertFormReducer, initialConcertForm(props.mode, props.initial));
  const zones = useMemo(timeZoneOptions, []);
  const { draft, status } = state;
  const errors = status.kind === 'editing' ? status.errors : {};
  const saving = status.kind === 'saving';
  const creating = props.mode === 'create';

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const next = dispatch({ type: 'submitted', now: Date.now() });
    if (next.status.kind !== 'saving') return;
    let outcome: SaveOutcome;
    try {
      outcome = await props.onSave(next.status.input);
    } catch {
      outcome = { kind: 'rejected', message: UNREACHABLE };
    }
    dispatch(outcome.kind === 'saved' ? { type: 'saved' } : { type: 'rejected', field: outcome.field, message: outcome.message });
  }

  const text = (field: ConcertField, label: string, options: { hint?: string; type?: string; inputMode?: 'numeric' } = {}) => (
    <FormField id={`concert-${field}`} label={label} hint={options.hint} error={errors[field]}>
      {(control) => (
        <input
          {...control}
          type={options.type ?? 'text'}
          inputMode={options.inputMode}
          value={draft[field]}
          disabled={saving}
          onChange={(event) => dispatch({ type: 'fieldChanged', field, value: event.target.value })}
        />
      )}
    </FormField>
  );

  return (
    <form className="card concert-form" onSubmit={(event) => void onSubmit(event)} noValidate aria-label={creating ? 'New concert' : 'Concert details'}>
      {text('name', 'Name')}
      {text('venue', 'Venue')}
      <FormField id="concert-timeZone" label="Venue time zone" hint="Times below are the venue’s local time." error={errors.timeZone}>
        {(control) => (
          <select {...control} value={draft.timeZone} disabled={saving} onChange={(event) => dispatch({ type: 'fieldChanged', field: 'timeZone', value: event.target.value })}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className="concert-form__row">
        {text('startsAt', 'Starts', { type: 'datetime-local' })}
        {text('onSaleAt', 'Sales open', { type: 'datetime-local', hint: 'Leave empty to sell as soon as it is published.' })}
      </div>
      <div className="concert-form__row">
        {text('holdMinutes', 'Hold minutes', { inputMode: 'numeric', hint: 'How long a shopper has to pay, 1–60.' })}
        {text('maxTicketsPerOrder', 'Tickets per order', { inputMode: 'numeric', hint: 'Up to 100; empty for no limit of its own.' })}
        {text('maxTicketsPerCustomer', 'Tickets per customer', { inputMode: 'numeric', hint: 'Per email, 1–100.' })}
      </div>
      {creating ? <NewTierFields tiers={draft.tiers} errors={errors} disabled={saving} dispatch={dispatch} /> : null}
      <div className="concert-form__footer">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Saving…' : creating ? 'Create concert' : 'Save changes'}
        </button>
        <p className="concert-form__status" role="status" aria-live="polite">
          {status.kind === 'saved' ? 'Saved.' : ''}
        </p>
      </div>
      <FormError message={errors.form} />
    </form>
  );
}
