import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../gql/gql';
import { emptyTier, tierFieldOf, validateTier, type TierDraft, type TierErrors } from '../organizer/tierDraft';
import { FormError } from './FormError';
import { TierDraftFields } from './TierDraftFields';

const AddTierMutation = graphql(/* GraphQL */ `
  mutation AddTier($concertId: ID!, $input: TierInput!) {
    addTier(concertId: $concertId, input: $input) {
      __typename
      ... on TierChangeSuccess {
        tier {
          id
        }
      }
      ... on Error {
        message
      }
      ... on ValidationError {
        field
      }
    }
  }
`);

/** Adds a tier after the others; the concert is read again so the list shows it. */
export function AddTierForm(props: { concertId: string }) {
  const [addTier, { loading }] = useMutation(AddTierMutation, { refetchQueries: ['OrganizerConcert'], awaitRefetchQueries: true });
  const [draft, setDraft] = useState<TierDraft>(emptyTier);
  const [errors, setErrors] = useState<TierErrors & { form?: string }>({});
  const [added, setAdded] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    const checked = validateTier(draft);
    if ('errors' in checked) return setErrors(checked.errors);
    try {
      const { data } = await addTier({ variables: { concertId: props.concertId, input: checked.input } });
      const result = data?.addTier;
      if (result?.__typename === 'TierChangeSuccess') {
        setDraft(emptyTier);
        setErrors({});
        setAdded(`Added ${checked.input.name}.`);
      } else if (result?.__typename === 'ValidationError') {
        const field = tierFieldOf(result.field);
        setErrors(field ? { [field]: result.message } : { form: result.message });
      } else {
        setErrors({ form: result?.message ?? 'The tier could not be added.' });
      }
    } catch {
      setErrors({ form: 'We could not reach the box office; the tier may not have been added. Reload before trying again.' });
    }
  }

  return (
    <form className="card add-tier" onSubmit={(event) => void submit(event)} noValidate aria-label="Add a tier">
      <h3>Add a tier</h3>
      <TierDraftFields
        idBase="add-tier"
        label="New tier"
        draft={draft}
        errors={errors}
        disabled={loading}
        onChange={(field, value) => {
          setDraft({ ...draft, [field]: value });
          setErrors({ ...errors, [field]: undefined, form: undefined });
        }}
      />
      <button type="submit" className="button button--secondary" disabled={loading}>
        {loading ? 'Adding…' : 'Add tier'}
      </button>
      <p role="status" aria-live="polite">
        {added ?? ''}
      </p>
      <FormError message={errors.form} />
    </form>
  );
}
