import { describe, expect, it } from 'vitest';
import { apiKeyFormReducer, initialApiKeyForm, type ApiKeyFormAction, type ApiKeyFormState } from './apiKeyForm';

const run = (...actions: ApiKeyFormAction[]) => actions.reduce<ApiKeyFormState>(apiKeyFormReducer, initialApiKeyForm);

describe('creating a partner key', () => {
  it('sends the name, the scopes in a fixed order and a quota when one is given', () => {
    const state = run({ type: 'nameChanged', value: ' Ticket Hub ' }, { type: 'scopeToggled', scope: 'BOOKINGS_WRITE' }, { type: 'rateChanged', value: '600' }, { type: 'submitted' });
    expect(state).toMatchObject({ kind: 'creating', input: { name: 'Ticket Hub', scopes: ['CATALOGUE_READ', 'BOOKINGS_WRITE'], requestsPerMinute: 600 } });
  });

  it('checks what the server checks', () => {
    const state = run({ type: 'scopeToggled', scope: 'CATALOGUE_READ' }, { type: 'rateChanged', value: '0' }, { type: 'submitted' });
    expect(state).toMatchObject({
      kind: 'editing',
      errors: { name: 'Name the key, e.g. after the partner who uses it', scopes: 'Choose at least one thing the key may do', requestsPerMinute: 'Requests per minute must be at least 1' },
    });
  });

  it('keeps the secret only until the organizer is done with it', () => {
    const created = run({ type: 'nameChanged', value: 'Hub' }, { type: 'submitted' }, { type: 'created', secret: 'ct_live_x' });
    expect(created).toEqual({ kind: 'created', name: 'Hub', secret: 'ct_live_x' });
    expect(apiKeyFormReducer(created, { type: 'nameChanged', value: 'other' })).toBe(created);
    expect(apiKeyFormReducer(created, { type: 'done' })).toEqual(initialApiKeyForm);
  });

  it('shows the server’s refusal at its field, keeping what was typed', () => {
    const state = run({ type: 'nameChanged', value: 'Hub' }, { type: 'submitted' }, { type: 'rejected', field: 'input.name', message: 'Name is taken' });
    expect(state).toMatchObject({ kind: 'editing', draft: { name: 'Hub' }, errors: { name: 'Name is taken' } });
  });
});
