import { useReducer, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../gql/gql';
import type { PartnerScope } from '../gql/graphql';
import { ALL_SCOPES, apiKeyFormReducer, initialApiKeyForm, type ApiKeyFormState } from '../organizer/apiKeyForm';
import { FormError } from './FormError';
import { FormField } from './FormField';
import { NewKeySecret } from './NewKeySecret';

export const SCOPE_WORDS: Record<PartnerScope, string> = {
  CATALOGUE_READ: 'Read the catalogue',
  BOOKINGS_READ: 'Read its bookings',
  BOOKINGS_WRITE: 'Book and cancel',
};

const CreateApiKeyMutation = graphql(/* GraphQL */ `
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      __typename
      ... on CreateApiKeySuccess {
        secret
        apiKey {
          id
        }
      }
      ... on ValidationError {
        field
        message
      }
    }
  }
`);

export function CreateApiKeyForm() {
  const [state, dispatch] = useReducer(apiKeyFormReducer, initialApiKeyForm);
  const [createApiKey] = useMutation(CreateApiKeyMutation, { refetchQueries: ['ApiKeys'] });

  async function submit(event: FormEvent, current: ApiKeyFormState) {
    event.preventDefault();
    if (current.kind !== 'editing') return;
    const next = apiKeyFormReducer(current, { type: 'submitted' });
    dispatch({ type: 'submitted' });
    if (next.kind !== 'creating') return;
    try {
      const { data } = await createApiKey({ variables: { input: next.input } });
      const result = data?.createApiKey;
      if (result?.__typename === 'CreateApiKeySuccess') dispatch({ type: 'created', secret: result.secret });
      else dispatch({ type: 'rejected', field: result?.__typename === 'ValidationError' ? result.field : null, message: result?.__typename === 'ValidationError' ? result.message : 'The key could not be created.' });
    } catch {
      dispatch({ type: 'rejected', field: null, message: 'We could not reach the box office. If a key was made, revoke it from the list and create another.' });
    }
  }

  if (state.kind === 'created') return <NewKeySecret name={state.name} secret={state.secret} onDone={() => dispatch({ type: 'done' })} />;
  const creating = state.kind === 'creating';
  const draft = state.draft;
  const errors = state.kind === 'editing' ? state.errors : {};
  return (
    <form className="card api-key-form" onSubmit={(event) => void submit(event, state)} noValidate aria-label="Create a partner API key">
      <h2>Create a key</h2>
      <FormField id="api-key-name" label="Name" hint="Who uses it, e.g. the partner’s name." error={errors.name}>
        {(control) => <input {...control} value={draft.name} disabled={creating} onChange={(event) => dispatch({ type: 'nameChanged', value: event.target.value })} />}
      </FormField>
      <fieldset className="api-key-form__scopes" aria-describedby={errors.scopes ? 'api-key-scopes-error' : undefined}>
        <legend>What it may do</legend>
        {ALL_SCOPES.map((scope) => (
          <label key={scope} className="checkbox">
            <input type="checkbox" checked={draft.scopes.includes(scope)} disabled={creating} onChange={() => dispatch({ type: 'scopeToggled', scope })} /> {SCOPE_WORDS[scope]}
          </label>
        ))}
        {errors.scopes ? (
          <p id="api-key-scopes-error" className="field-error" role="alert">
            {errors.scopes}
          </p>
        ) : null}
      </fieldset>
      <FormField id="api-key-rate" label="Requests per minute" hint="1–60,000; empty for the default (6,000)." error={errors.requestsPerMinute}>
        {(control) => <input {...control} inputMode="numeric" value={draft.requestsPerMinute} disabled={creating} onChange={(event) => dispatch({ type: 'rateChanged', value: event.target.value })} />}
      </FormField>
      <button type="submit" className="button button--primary" disabled={creating}>
        {creating ? 'Creating…' : 'Create key'}
      </button>
      <FormError message={errors.form} />
    </form>
  );
}
