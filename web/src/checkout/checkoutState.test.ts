import { describe, expect, it } from 'vitest';
import { checkoutReducer, describePayResult, initialCheckoutState, type CheckoutAction, type CheckoutState } from './checkoutState';

const run = (actions: CheckoutAction[], from: CheckoutState = initialCheckoutState) => actions.reduce(checkoutReducer, from);
const now = new Date('2026-11-30T12:00:00Z');
const card = (number: string): CheckoutAction[] => [
  { type: 'fieldChanged', field: 'number', value: number },
  { type: 'fieldChanged', field: 'expiry', value: '1229' },
  { type: 'fieldChanged', field: 'cvc', value: '123' },
];
const submit = (freshKey: string): CheckoutAction => ({ type: 'submitted', bookingId: 'B1', freshKey, now });

describe('checkout state', () => {
  it('sends the typed card with a fresh key', () => {
    const state = run([...card('4242424242424242'), submit('k1')]);
    expect(state.status).toEqual({ kind: 'paying', card: { number: '4242424242424242', expMonth: 12, expYear: 2029, cvc: '123' }, key: 'k1' });
  });

  it('retries an unknown outcome with the same key, so the card is charged at most once', () => {
    const lost = run([...card('4242424242424242'), submit('k1'), { type: 'lost', cause: 'network' }]);
    expect(lost.status.kind).toBe('unknownOutcome');
    const retried = checkoutReducer(lost, submit('k2'));
    expect(retried.status).toMatchObject({ kind: 'paying', key: 'k1' });
  });

  it('pays another card after an unknown outcome with a new key', () => {
    const lost = run([...card('4242424242424242'), submit('k1'), { type: 'lost', cause: 'network' }]);
    const other = run([{ type: 'fieldChanged', field: 'number', value: '4000000000003220' }, submit('k2')], lost);
    expect(other.status).toMatchObject({ kind: 'paying', key: 'k2' });
  });

  it('keeps the hold after a decline and starts a new attempt even with the same card', () => {
    const declined = run([...card('4000000000000002'), submit('k1'), { type: 'answered', outcome: describePayResult({ __typename: 'PaymentDeclinedError', declineCode: 'card_declined' }, 'USD') }]);
    expect(declined.status).toEqual({ kind: 'editing', errors: {}, notice: { kind: 'declined', declineCode: 'card_declined' } });
    expect(checkoutReducer(declined, submit('k2')).status).toMatchObject({ kind: 'paying', key: 'k2' });
  });

  it('ignores typing and a second submit while paying', () => {
    const paying = run([...card('4242424242424242'), submit('k1')]);
    expect(run([{ type: 'fieldChanged', field: 'cvc', value: '999' }, submit('k2')], paying)).toBe(paying);
  });

  it('refuses locally what the shopper can fix, sending nothing', () => {
    const state = run([{ type: 'fieldChanged', field: 'number', value: '4242' }, submit('k1')]);
    expect(state.status.kind).toBe('editing');
    expect(state.pending).toBeNull();
  });

  it('fills a test card in one step', () => {
    const state = run([{ type: 'testCardChosen', number: '4000000000009995', expiry: '12/27' }]);
    expect(state.draft).toEqual({ number: '4000 0000 0000 9995', expiry: '12/27', cvc: '123' });
  });
});
