import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { bookingMock, concert, fillOrder, formTree, renderForm, tier, typed, type Variables } from '../../test/bookingFormHarness';
import type { BookingFormFragment } from './BookingForm';
import type { FragmentType } from '../gql/fragment-masking';

describe('BookingForm: building an order', () => {
  it('shows each tier with availability and limits the pickers', () => {
    renderForm([]);
    const vip = screen.getByLabelText(/Quantity of VIP tickets/) as HTMLSelectElement;
    // min(10, available): 5 left means 0–5.
    expect(Array.from(vip.options).map((o) => o.value)).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(screen.getByText('Only 5 left')).toBeTruthy();
    expect(screen.getByText('Sold out')).toBeTruthy();
    expect((screen.getByLabelText(/Quantity of Front Row tickets/) as HTMLSelectElement).disabled).toBe(true);
    const ga = screen.getByLabelText(/Quantity of GA tickets/) as HTMLSelectElement;
    expect(ga.options).toHaveLength(11);
    expect(screen.getByText('2000 / 2000')).toBeTruthy();
  });

  it('keeps a running total', async () => {
    const user = userEvent.setup();
    renderForm([]);
    await user.selectOptions(screen.getByLabelText(/Quantity of VIP tickets/), '2');
    await user.selectOptions(screen.getByLabelText(/Quantity of GA tickets/), '3');
    expect(screen.getByTestId('order-total').textContent).toBe('$230.00');
    expect(screen.getByText(/5 tickets/)).toBeTruthy();
  });

  it('asks for tickets and a valid email before sending anything', async () => {
    const user = userEvent.setup();
    const calls: Variables[] = [];
    renderForm([bookingMock(typed({}), calls)]);
    await user.click(screen.getByRole('button', { name: 'Continue to payment' }));
    expect(screen.getByRole('alert').textContent).toMatch('Choose at least one ticket');
    await fillOrder(user, 1, 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Continue to payment' }));
    expect(screen.getByLabelText('Email for your tickets').getAttribute('aria-invalid')).toBe('true');
    expect(calls).toHaveLength(0);
  });

  it('flags a choice that live availability has overtaken and holds the Book button', async () => {
    const user = userEvent.setup();
    const view = renderForm([]);
    await fillOrder(user, 4);
    // Another shopper's booking arrives: only 2 VIP left now.
    const fewer = {
      ...(concert as unknown as { tiers: ReturnType<typeof tier>[] }),
      tiers: [tier('VIP', 'VIP', 10000, 2, 100), tier('FR', 'Front Row', 5000, 0, 250), tier('GA', 'GA', 1000, 2000, 2000)],
    } as unknown as FragmentType<typeof BookingFormFragment>;
    // Same tree, new data: React keeps the form's state, as with a cache update.
    view.rerender(formTree([], fewer));
    expect(screen.getByText('Only 2 VIP tickets left: choose fewer.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Continue to payment' }) as HTMLButtonElement).disabled).toBe(true);
    await user.selectOptions(screen.getByLabelText(/Quantity of VIP tickets/), '2');
    expect((screen.getByRole('button', { name: 'Continue to payment' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('has one polite live region for availability, which speaks only of chosen tiers', async () => {
    const user = userEvent.setup();
    const view = renderForm([]);
    await user.selectOptions(screen.getByLabelText(/Quantity of VIP tickets/), '2');
    expect(document.querySelectorAll('[data-testid="tier"] [aria-live]')).toHaveLength(0);
    const announcer = screen.getByTestId('availability-announcer');
    expect(announcer.getAttribute('aria-live')).toBe('polite');
    const withTiers = (tiers: ReturnType<typeof tier>[]) =>
      ({ ...(concert as unknown as object), tiers }) as unknown as FragmentType<typeof BookingFormFragment>;
    // GA (not chosen) moves a lot: nothing to say.
    view.rerender(formTree([], withTiers([tier('VIP', 'VIP', 10000, 5, 100), tier('FR', 'Front Row', 5000, 0, 250), tier('GA', 'GA', 1000, 1500, 2000)])));
    expect(announcer.textContent).toBe('');
    // The chosen VIP sells out: say so, once.
    view.rerender(formTree([], withTiers([tier('VIP', 'VIP', 10000, 0, 100), tier('FR', 'Front Row', 5000, 0, 250), tier('GA', 'GA', 1000, 1500, 2000)])));
    expect(announcer.textContent).toBe('VIP has sold out.');
  });
});
