import type { PartnerScope } from '../gql/graphql';
import { wholeNumber } from './tierDraft';

// Creating a partner key: typing, sending, and the one moment its secret can be seen. The secret
// lives only in this state; leaving the "created" state (Done) forgets it for good.

export interface ApiKeyDraft {
  name: string;
  scopes: PartnerScope[];
  requestsPerMinute: string;
}

export interface ApiKeyInput {
  name: string;
  scopes: PartnerScope[];
  requestsPerMinute?: number;
}

export type ApiKeyErrors = Partial<Record<keyof ApiKeyDraft | 'form', string>>;

export type ApiKeyFormState =
  | { kind: 'editing'; draft: ApiKeyDraft; errors: ApiKeyErrors }
  | { kind: 'creating'; draft: ApiKeyDraft; input: ApiKeyInput }
  | { kind: 'created'; name: string; secret: string };

export type ApiKeyFormAction =
  | { type: 'nameChanged'; value: string }
  | { type: 'scopeToggled'; scope: PartnerScope }
  | { type: 'rateChanged'; value: string }
  | { type: 'submitted' }
  | { type: 'created'; secret: string }
  | { type: 'rejected'; field: string | null | undefined; message: string }
  | { type: 'done' };

export const ALL_SCOPES: PartnerScope[] = ['CATALOGUE_READ', 'BOOKINGS_READ', 'BOOKINGS_WRITE'];
const emptyDraft: ApiKeyDraft = { name: '', scopes: ['CATALOGUE_READ'], requestsPerMinute: '' };
export const initialApiKeyForm: ApiKeyFormState = { kind: 'editing', draft: emptyDraft, errors: {} };

export function validateApiKey(draft: ApiKeyDraft): { input: ApiKeyInput } | { errors: ApiKeyErrors } {
  const errors: ApiKeyErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = 'Name the key, e.g. after the partner who uses it';
  else if (name.length > 64) errors.name = 'Name must be at most 64 characters';
  if (draft.scopes.length === 0) errors.scopes = 'Choose at least one thing the key may do';
  let requestsPerMinute: number | undefined;
  if (draft.requestsPerMinute.trim()) {
    const rate = wholeNumber(draft.requestsPerMinute, 'Requests per minute', 1, 60_000);
    if (typeof rate === 'string') errors.requestsPerMinute = rate;
    else requestsPerMinute = rate;
  }
  if (Object.keys(errors).length > 0) return { errors };
  // In a fixed order, whatever order they were ticked in.
  const scopes = ALL_SCOPES.filter((scope) => draft.scopes.includes(scope));
  return { input: requestsPerMinute === undefined ? { name, scopes } : { name, scopes, requestsPerMinute } };
}

export function apiKeyFormReducer(state: ApiKeyFormState, action: ApiKeyFormAction): ApiKeyFormState {
  switch (action.type) {
    case 'nameChanged':
    case 'scopeToggled':
    case 'rateChanged': {
      if (state.kind !== 'editing') return state;
      const { draft } = state;
      if (action.type === 'nameChanged') return { kind: 'editing', draft: { ...draft, name: action.value }, errors: { ...state.errors, name: undefined, form: undefined } };
      if (action.type === 'rateChanged') return { kind: 'editing', draft: { ...draft, requestsPerMinute: action.value }, errors: { ...state.errors, requestsPerMinute: undefined, form: undefined } };
      const scopes = draft.scopes.includes(action.scope) ? draft.scopes.filter((scope) => scope !== action.scope) : [...draft.scopes, action.scope];
      return { kind: 'editing', draft: { ...draft, scopes }, errors: { ...state.errors, scopes: undefined, form: undefined } };
    }
    case 'submitted': {
      if (state.kind !== 'editing') return state;
      const checked = validateApiKey(state.draft);
      if ('errors' in checked) return { ...state, errors: checked.errors };
      return { kind: 'creating', draft: state.draft, input: checked.input };
    }
    case 'created':
      if (state.kind !== 'creating') return state;
      return { kind: 'created', name: state.input.name, secret: action.secret };
    case 'rejected': {
      if (state.kind !== 'creating') return state;
      const field = action.field?.split('.').at(-1);
      const key = field === 'name' || field === 'scopes' || field === 'requestsPerMinute' ? field : 'form';
      return { kind: 'editing', draft: state.draft, errors: { [key]: action.message } };
    }
    case 'done':
      return initialApiKeyForm;
  }
}
