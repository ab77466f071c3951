import type { ConcertErrors, ConcertFormAction } from '../organizer/concertForm';
import { MAX_TIERS } from '../organizer/concertForm';
import type { TierDraft } from '../organizer/tierDraft';
import { FormField } from './FormField';

/** The tiers of a concert being created, in display order. */
export function NewTierFields(props: { tiers: TierDraft[]; errors: ConcertErrors; disabled: boolean; dispatch: (action: ConcertFormAction) => unknown }) {
  const { tiers, errors, disabled, dispatch } = props;
  return (
    <fieldset className="tier-fields">
      <legend>Ticket tiers</legend>
      {tiers.map((tier, index) => {
        const field = (name: keyof TierDraft, label: string, inputMode?: 'numeric' | 'decimal') => (
          <FormField id={`new-tier-${index}-${name}`} label={label} error={errors[`tiers[${index}].${name}`]}>
            {(control) => (
              <input {...control} inputMode={inputMode} value={tier[name]} disabled={disabled} onChange={(event) => dispatch({ type: 'tierChanged', index, field: name, value: event.target.value })} />
            )}
          </FormField>
        );
        return (
          <div key={index} className="tier-fields__row" role="group" aria-label={`Tier ${index + 1}`}>
            {field('name', `Tier ${index + 1} name`)}
            {field('price', `Tier ${index + 1} price (USD)`, 'decimal')}
            {field('capacity', `Tier ${index + 1} capacity`, 'numeric')}
            {tiers.length > 1 ? (
              <button type="button" className="button button--secondary" disabled={disabled} onClick={() => dispatch({ type: 'tierRemoved', index })}>
                Remove tier {index + 1}
              </button>
            ) : null}
          </div>
        );
      })}
      {tiers.length < MAX_TIERS ? (
        <button type="button" className="button button--secondary" disabled={disabled} onClick={() => dispatch({ type: 'tierAdded' })}>
          Add a tier
        </button>
      ) : null}
    </fieldset>
  );
}
