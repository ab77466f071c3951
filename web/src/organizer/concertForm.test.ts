import { describe, expect, it } from 'vitest';
import { blankDraft, concertFormReducer, draftOf, errorKeyOf, initialConcertForm, type ConcertDraft, type ConcertFormAction, type ConcertFormState } from './concertForm';

const now = Date.parse('2027-01-01T00:00:00Z');
const run = (state: ConcertFormState, ...actions: ConcertFormAction[]) => actions.reduce(concertFormReducer, state);
const filled: ConcertDraft = {
  ...blankDraft('Europe/Paris'),
  name: ' Night Owls ',
  venue: 'Olympia',
  startsAt: '2027-03-14T20:00',
  onSaleAt: '2027-02-01T10:00',
  maxTicketsPerOrder: '6',
  tiers: [{ name: 'VIP', price: '100', capacity: '50' }],
};

describe('concert form', () => {
  it('sends a new concert with instants read in the venue zone and cents from the typed price', () => {
    const state = run(initialConcertForm('create', filled), { type: 'submitted', now });
    expect(state.status).toEqual({
      kind: 'saving',
      input: {
        name: 'Night Owls',
        venue: 'Olympia',
        timeZone: 'Europe/Paris',
        startsAt: '2027-03-14T19:00:00.000Z',
        onSaleAt: '2027-02-01T09:00:00.000Z',
        holdMinutes: 10,
        maxTicketsPerOrder: 6,
        maxTicketsPerCustomer: 8,
        tiers: [{ name: 'VIP', priceCents: 10000, capacity: 50 }],
      },
    });
  });

  it('shows every broken rule at its field and sends nothing', () => {
    const draft: ConcertDraft = { ...filled, name: '  ', startsAt: '2026-12-31T20:00', onSaleAt: '', holdMinutes: '61', maxTicketsPerCustomer: '0', tiers: [{ name: 'GA', price: '1.999', capacity: '-1' }] };
    const state = run(initialConcertForm('create', draft), { type: 'submitted', now });
    expect(state.status).toEqual({
      kind: 'editing',
      errors: {
        name: 'Name must not be empty',
        startsAt: 'The concert must start in the future',
        holdMinutes: 'Hold time must be at most 60',
        maxTicketsPerCustomer: 'Tickets per customer must be at least 1',
        'tiers[0].price': 'Price must be an amount such as 49.50',
        'tiers[0].capacity': 'Capacity must be at least 0',
      },
    });
  });

  it('wants sales to open before the show', () => {
    const state = run(initialConcertForm('create', { ...filled, onSaleAt: '2027-03-14T20:00' }), { type: 'submitted', now });
    expect(state.status).toEqual({ kind: 'editing', errors: { onSaleAt: 'Sales must open before the concert starts' } });
  });

  it('clears a field’s error as it is typed in', () => {
    const state = run(initialConcertForm('create', { ...filled, venue: '' }), { type: 'submitted', now }, { type: 'fieldChanged', field: 'venue', value: 'O' });
    expect(state.status).toEqual({ kind: 'editing', errors: { venue: undefined, form: undefined } });
  });

  it('edits send only what changed, and a past concert can be renamed', () => {
    const concert = { name: 'Old', venue: 'Hall', timeZone: 'UTC', startsAt: '2026-06-01T20:00:00.000Z', onSaleAt: null, maxTicketsPerOrder: 4 };
    const edited = run(initialConcertForm('edit', draftOf(concert)), { type: 'fieldChanged', field: 'name', value: 'New' }, { type: 'fieldChanged', field: 'maxTicketsPerOrder', value: '' }, { type: 'submitted', now });
    expect(edited.status).toEqual({ kind: 'saving', input: { name: 'New', maxTicketsPerOrder: null } });
    expect(run(edited, { type: 'saved' }).status).toEqual({ kind: 'saved' });
  });

  it('moving the venue to another zone moves both instants', () => {
    const concert = { name: 'A', venue: 'B', timeZone: 'UTC', startsAt: '2027-06-01T20:00:00.000Z', onSaleAt: '2027-05-01T10:00:00.000Z' };
    const state = run(initialConcertForm('edit', draftOf(concert)), { type: 'fieldChanged', field: 'timeZone', value: 'America/New_York' }, { type: 'submitted', now });
    expect(state.status).toEqual({ kind: 'saving', input: { timeZone: 'America/New_York', startsAt: '2027-06-02T00:00:00.000Z', onSaleAt: '2027-05-01T14:00:00.000Z' } });
  });

  it('puts the server’s typed error at the field it names', () => {
    const saving = run(initialConcertForm('create', filled), { type: 'submitted', now });
    expect(run(saving, { type: 'rejected', field: 'tiers[0].priceCents', message: 'Price must be at most 10000000' }).status).toEqual({
      kind: 'editing',
      errors: { 'tiers[0].price': 'Price must be at most 10000000' },
    });
    expect(errorKeyOf('venue', filled)).toBe('venue');
    expect(errorKeyOf('concertId', filled)).toBe('form');
    expect(errorKeyOf(null, filled)).toBe('form');
  });

  it('keeps one to twenty tiers and ignores typing while saving', () => {
    const one = initialConcertForm('create', filled);
    expect(run(one, { type: 'tierRemoved', index: 0 }).draft.tiers).toHaveLength(1);
    const two = run(one, { type: 'tierAdded' }, { type: 'tierChanged', index: 1, field: 'name', value: 'GA' });
    expect(two.draft.tiers.map((tier) => tier.name)).toEqual(['VIP', 'GA']);
    const saving = run(one, { type: 'submitted', now });
    expect(run(saving, { type: 'fieldChanged', field: 'name', value: 'x' })).toBe(saving);
  });
});
