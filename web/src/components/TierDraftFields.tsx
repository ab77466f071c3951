import type { TierDraft, TierErrors } from '../organizer/tierDraft';
import { FormField } from './FormField';

/** Name, price and capacity inputs of one tier, each with its error. */
export function TierDraftFields(props: { idBase: string; label: string; draft: TierDraft; errors: TierErrors; disabled: boolean; onChange: (field: keyof TierDraft, value: string) => void }) {
  const field = (name: keyof TierDraft, label: string, inputMode?: 'numeric' | 'decimal') => (
    <FormField id={`${props.idBase}-${name}`} label={label} error={props.errors[name]}>
      {(control) => <input {...control} inputMode={inputMode} value={props.draft[name]} disabled={props.disabled} onChange={(event) => props.onChange(name, event.target.value)} />}
    </FormField>
  );
  return (
    <div className="tier-fields__row" role="group" aria-label={props.label}>
      {field('name', 'Tier name')}
      {field('price', 'Price (USD)', 'decimal')}
      {field('capacity', 'Capacity', 'numeric')}
    </div>
  );
}
