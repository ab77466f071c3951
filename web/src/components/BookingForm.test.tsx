import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { bookingMock, fillOrder, renderForm, stubRandomUUID, typed, type Variables } from '../../test/bookingFormHarness';

const keys = stubRandomUUID();

describe('BookingForm: answers from bookTickets', () => {
  it('books, disabling the button while in flight, then opens the confirmation', async () => {
    const user = userEvent.setup();
    const calls: Variables[] = [];
    const success = typed({
      __typename: 'HoldTicketsSuccess',
      replayed: false,
      booking: { __typename: 'Booking', id: 'B42', accessToken: 'T42', items: [{ __typename: 'BookingItem', quantity: 2, tier: { __typename: 'TicketTier', id: 'VIP', available: 3 } }] },
    });
    renderForm([bookingMock(success, calls, 50)]);
    await fillOrder(user);
    await user.click(screen.getByRole('button', { name: 'Continue to payment' }));
    expect((screen.getByRole('button', { name: 'Holding your tickets…' }) as HTMLButtonElement).disabled).toBe(true);
    expect(await screen.findByText('Booking page for B42')).toBeTruthy();
    // A guest sees the booking only with its secret, so it is in the address.
    expect(screen.getByText('Link secret: T42')).toBeTruthy();
    expect(calls[0]?.input).toEqual({
      concertId: 'C1',
      customerEmail: 'fan@example.com',
      items: [{ tierId: 'VIP', quantity: 2 }],
      idempotencyKey: keys[0],
    });
  });

  it('names the tier and what is left when it sold out, without a second request', async () => {
    const user = userEvent.setup();
    const calls: Variables[] = [];
    const soldOut = typed({
      __typename: 'SoldOutError',
      tierId: 'VIP',
      available: 3,
      tier: { __typename: 'TicketTier', id: 'VIP', name: 'VIP', available: 3, capacity: 100 },
    });
    // The tier in the answer updates the cache by id (the e2e test sees the picker change);
    // no other mock: a second request would fail as unmatched.
    renderForm([bookingMock(soldOut, calls)]);
    await fillOrder(user, 4);
    await user.click(screen.getByRole('button', { name: 'Continue to payment' }));
    expect(await screen.findByText(/Only 3 VIP tickets left/)).toBeTruthy();
    expect(screen.queryByText(/Booking page/)).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('shows a validation error next to the email field', async () => {
    const user = userEvent.setup();
    const invalid = typed({ __typename: 'ValidationError', field: 'customerEmail' });
    renderForm([bookingMock(invalid, [])]);
    await fillOrder(user);
    await user.click(screen.getByRole('button', { name: 'Continue to payment' }));
    const message = await screen.findByText('Enter the email address your tickets should go to.');
    expect(screen.getByLabelText('Email for your tickets').getAttribute('aria-describedby')).toBe(message.id);
  });

  it('shows a validation error next to the tier named by items[n]', async () => {
    const user = userEvent.setup();
    const invalid = typed({ __typename: 'ValidationError', field: 'items[1].quantity' });
    renderForm([bookingMock(invalid, [])]);
    await user.selectOptions(screen.getByLabelText(/Quantity of GA tickets/), '3');
    await fillOrder(user, 1);
    await user.click(screen.getByRole('button', { name: 'Continue to payment' }));
    // items are sent in display order: [VIP, GA], so items[1] is GA.
    const gaRow = screen.getAllByTestId('tier').find((row) => row.dataset.tierId === 'GA')!;
    expect(await within(gaRow).findByText('Choose between 1 and 10 GA tickets.')).toBeTruthy();
  });

  it('explains a concert or tier that no longer exists', async () => {
    const user = userEvent.setup();
    renderForm([bookingMock(typed({ __typename: 'NotFoundError' }), [])]);
    await fillOrder(user);
    await user.click(screen.getByRole('button', { name: 'Continue to payment' }));
    expect(await screen.findByText(/no longer on sale/)).toBeTruthy();
  });

  it('explains a reused key and starts a new attempt for the next submit', async () => {
    const user = userEvent.setup();
    const calls: Variables[] = [];
    const reused = typed({ __typename: 'IdempotencyKeyReusedError' });
    renderForm([bookingMock(reused, calls), bookingMock(reused, calls)]);
    await fillOrder(user);
    await user.click(screen.getByRole('button', { name: 'Continue to payment' }));
    expect(await screen.findByText(/already used for a different order/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Continue to payment' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]?.input.idempotencyKey).not.toBe(calls[0]?.input.idempotencyKey);
  });

  it('retries a network failure with the same idempotency key', async () => {
    const user = userEvent.setup();
    const calls: Variables[] = [];
    const success = typed({
      __typename: 'HoldTicketsSuccess',
      replayed: true,
      booking: { __typename: 'Booking', id: 'B7', accessToken: 'T7', items: [] },
    });
    renderForm([bookingMock(new Error('Failed to fetch'), calls), bookingMock(success, calls)]);
    await fillOrder(user);
    await user.click(screen.getByRole('button', { name: 'Continue to payment' }));
    expect(await screen.findByText(/could not reach the box office/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Booking page for B7')).toBeTruthy();
    expect(calls).toHaveLength(2);
    expect(calls[1]?.input.idempotencyKey).toBe(calls[0]?.input.idempotencyKey);
  });

  it('treats an unexpected server error like a lost response: the retry keeps the key', async () => {
    const user = userEvent.setup();
    const calls: Variables[] = [];
    const success = typed({ __typename: 'HoldTicketsSuccess', replayed: false, booking: { __typename: 'Booking', id: 'B9', accessToken: 'T9', items: [] } });
    renderForm([bookingMock({ errors: [{ message: 'Unexpected error.' }] }, calls), bookingMock(success, calls)]);
    await fillOrder(user);
    await user.click(screen.getByRole('button', { name: 'Continue to payment' }));
    expect(await screen.findByText(/Something went wrong at the box office/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Booking page for B9')).toBeTruthy();
    expect(calls[1]?.input.idempotencyKey).toBe(calls[0]?.input.idempotencyKey);
  });

  it('uses a new key when the order changes after a network failure', async () => {
    const user = userEvent.setup();
    const calls: Variables[] = [];
    renderForm([bookingMock(new Error('Failed to fetch'), calls), bookingMock(new Error('Failed to fetch'), calls)]);
    await fillOrder(user);
    await user.click(screen.getByRole('button', { name: 'Continue to payment' }));
    await screen.findByText(/could not reach the box office/);
    await user.selectOptions(screen.getByLabelText(/Quantity of VIP tickets/), '3');
    await user.click(screen.getByRole('button', { name: 'Continue to payment' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]?.input.idempotencyKey).not.toBe(calls[0]?.input.idempotencyKey);
  });

  it('shows an out-of-date page in shopper words when the server does not know the operation', async () => {
    const user = userEvent.setup();
    const unknown = { errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] };
    renderForm([bookingMock(unknown, [])]);
    await fillOrder(user);
    await user.click(screen.getByRole('button', { name: 'Continue to payment' }));
    expect(await screen.findByText(/This page is out of date/)).toBeTruthy();
    expect(screen.queryByText(/PersistedQuery/)).toBeNull();
  });
});
