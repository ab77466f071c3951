import { describe, expect, it } from 'vitest';
import { bookingReducer, initialBookingState, type BookingAction, type BookingState } from './bookingState';

const submit = (freshKey: string): BookingAction => ({ type: 'submitted', concertId: 'C1', tierIds: ['VIP', 'GA'], freshKey });
const run = (actions: BookingAction[], from: BookingState = initialBookingState) => actions.reduce(bookingReducer, from);
const filled = run([
  { type: 'quantityChanged', tierId: 'VIP', quantity: 2 },
  { type: 'emailChanged', email: ' fan@example.com ' },
]);

describe('bookingReducer', () => {
  it('refuses locally, with a typed reason, an order without tickets or a valid email', () => {
    const empty = run([submit('k1')]);
    expect(empty.status).toEqual({ kind: 'rejected', reason: 'incomplete', errors: { form: 'Choose at least one ticket.', tiers: {} } });
    const badEmail = run([{ type: 'quantityChanged', tierId: 'VIP', quantity: 1 }, { type: 'emailChanged', email: 'fan@' }, submit('k1')]);
    expect(badEmail.status.kind).toBe('rejected');
    expect(badEmail.status.kind === 'rejected' && badEmail.status.errors.customerEmail).toBeTruthy();
    expect(badEmail.pending).toBeNull();
  });

  it('submits the order in display order with a trimmed email and a fresh key', () => {
    const state = run([{ type: 'quantityChanged', tierId: 'GA', quantity: 1 }, submit('k1')], filled);
    expect(state.status).toEqual({
      kind: 'submitting',
      key: 'k1',
      order: { concertId: 'C1', customerEmail: 'fan@example.com', items: [{ tierId: 'VIP', quantity: 2 }, { tierId: 'GA', quantity: 1 }] },
    });
  });

  it('ignores edits and a second submit while the first is in flight', () => {
    const submitting = run([submit('k1')], filled);
    expect(run([{ type: 'quantityChanged', tierId: 'VIP', quantity: 5 }, submit('k2')], submitting)).toBe(submitting);
  });

  it('keeps the key when the response was lost and the same order is retried', () => {
    const lost = run([submit('k1'), { type: 'lost', cause: 'network' }], filled);
    expect(lost.status).toMatchObject({ kind: 'unknownOutcome', cause: 'network', key: 'k1' });
    const retried = run([submit('k2')], lost);
    expect(retried.status).toMatchObject({ kind: 'submitting', key: 'k1' });
  });

  it('keeps the key when the order is changed and changed back before the retry', () => {
    const lost = run([submit('k1'), { type: 'lost', cause: 'server' }], filled);
    const back = run([{ type: 'quantityChanged', tierId: 'VIP', quantity: 3 }, { type: 'quantityChanged', tierId: 'VIP', quantity: 2 }, submit('k2')], lost);
    expect(back.status).toMatchObject({ kind: 'submitting', key: 'k1' });
  });

  it('uses a new key when the order changed after a lost response', () => {
    const lost = run([submit('k1'), { type: 'lost', cause: 'network' }], filled);
    const changed = run([{ type: 'quantityChanged', tierId: 'VIP', quantity: 3 }, submit('k2')], lost);
    expect(changed.status).toMatchObject({ kind: 'submitting', key: 'k2' });
  });

  it('starts a new attempt after the server answered, even for the same order', () => {
    const answered = run(
      [submit('k1'), { type: 'answered', outcome: { kind: 'rejected', reason: 'keyReused', errors: { form: 'x', tiers: {} } } }],
      filled,
    );
    expect(answered.status).toEqual({ kind: 'rejected', reason: 'keyReused', errors: { form: 'x', tiers: {} } });
    expect(answered.pending).toBeNull();
    expect(run([submit('k2')], answered).status).toMatchObject({ kind: 'submitting', key: 'k2' });
  });

  it('clears only the error of the field being edited', () => {
    const rejected = run(
      [submit('k1'), { type: 'answered', outcome: { kind: 'rejected', reason: 'invalid', errors: { customerEmail: 'e', tiers: { VIP: 'q' } } } }],
      filled,
    );
    const edited = run([{ type: 'quantityChanged', tierId: 'VIP', quantity: 1 }], rejected);
    expect(edited.status).toEqual({ kind: 'editing', errors: { customerEmail: 'e', form: undefined, tiers: { VIP: '' } } });
    const emailed = run([{ type: 'emailChanged', email: 'a@b.io' }], edited);
    expect(emailed.status).toEqual({ kind: 'editing', errors: { customerEmail: undefined, form: undefined, tiers: { VIP: '' } } });
  });

  it('is booked once the server says so, and stays booked', () => {
    const booked = run([submit('k1'), { type: 'answered', outcome: { kind: 'booked', bookingId: 'B1', accessToken: 'T1', replayed: false } }], filled);
    expect(booked.status).toEqual({ kind: 'booked', bookingId: 'B1', accessToken: 'T1', replayed: false });
    expect(run([submit('k2'), { type: 'lost', cause: 'network' }], booked)).toBe(booked);
  });
});
