import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { MemoryRouter, Route, Routes, useParams } from 'react-router';
import { BookingForm, BookingFormAvailabilityQuery, BookingFormFragment, BookTicketsMutation } from './BookingForm';
import type { FragmentType } from '../gql/fragment-masking';
import { createCache } from '../apollo';

const money = (cents: number) => ({ __typename: 'Money', cents, currency: 'USD' });
const tier = (id: string, name: string, cents: number, available: number, capacity: number) => ({
  __typename: 'TicketTier',
  id,
  name,
  price: money(cents),
  available,
  capacity,
});

const concert = {
  __typename: 'Concert',
  id: 'C1',
  tiers: [tier('VIP', 'VIP', 10000, 5, 100), tier('FR', 'Front Row', 5000, 0, 250), tier('GA', 'GA', 1000, 2000, 2000)],
} as unknown as FragmentType<typeof BookingFormFragment>;

type Variables = { input: { concertId: string; customerEmail: string; idempotencyKey: string; items: { tierId: string; quantity: number }[] } };

// Records every bookTickets call so tests can assert on the key sent.
function bookingMock(respond: MockLink.MockedResponse['result'] | Error, calls: Variables[], delay = 0): MockLink.MockedResponse {
  return {
    request: {
      query: BookTicketsMutation,
      variables: (variables: Variables) => {
        calls.push(variables);
        return true;
      },
    },
    ...(respond instanceof Error ? { error: respond } : { result: respond }),
    delay,
  };
}

const typed = (bookTickets: Record<string, unknown>) => ({ data: { __typename: 'Mutation', bookTickets } });

function BookingPage() {
  return <p>Booking page for {useParams().id}</p>;
}

function formTree(mocks: MockLink.MockedResponse[], data = concert) {
  return (
    <MockedProvider mocks={mocks} cache={createCache()}>
      <MemoryRouter initialEntries={['/concerts/C1']}>
        <Routes>
          <Route path="/concerts/:id" element={<BookingForm concert={data} />} />
          <Route path="/bookings/:id" element={<BookingPage />} />
        </Routes>
      </MemoryRouter>
    </MockedProvider>
  );
}

const renderForm = (mocks: MockLink.MockedResponse[]) => render(formTree(mocks));

async function fillOrder(user: ReturnType<typeof userEvent.setup>, vip = 2, email = 'fan@example.com') {
  await user.selectOptions(screen.getByLabelText(/Quantity of VIP tickets/), String(vip));
  await user.clear(screen.getByLabelText('Email for your tickets'));
  await user.type(screen.getByLabelText('Email for your tickets'), email);
}

let keys: string[];
beforeEach(() => {
  let n = 0;
  keys = [];
  vi.spyOn(crypto, 'randomUUID').mockImplementation(() => {
    const key = `00000000-0000-4000-8000-00000000000${++n}` as `${string}-${string}-${string}-${string}-${string}`;
    keys.push(key);
    return key;
  });
});
afterEach(() => vi.restoreAllMocks());

describe('BookingForm', () => {
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
    await user.click(screen.getByRole('button', { name: 'Book' }));
    expect(screen.getByRole('alert').textContent).toMatch('Choose at least one ticket');
    await fillOrder(user, 1, 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Book' }));
    expect(screen.getByLabelText('Email for your tickets').getAttribute('aria-invalid')).toBe('true');
    expect(calls).toHaveLength(0);
  });

  it('books, disabling the button while in flight, then opens the confirmation', async () => {
    const user = userEvent.setup();
    const calls: Variables[] = [];
    const success = typed({
      __typename: 'BookTicketsSuccess',
      replayed: false,
      booking: { __typename: 'Booking', id: 'B42', items: [{ __typename: 'BookingItem', quantity: 2, tier: { __typename: 'TicketTier', id: 'VIP', available: 3 } }] },
    });
    renderForm([bookingMock(success, calls, 50)]);
    await fillOrder(user);
    await user.click(screen.getByRole('button', { name: 'Book' }));
    expect((screen.getByRole('button', { name: 'Booking…' }) as HTMLButtonElement).disabled).toBe(true);
    expect(await screen.findByText('Booking page for B42')).toBeTruthy();
    expect(calls[0]?.input).toEqual({
      concertId: 'C1',
      customerEmail: 'fan@example.com',
      items: [{ tierId: 'VIP', quantity: 2 }],
      idempotencyKey: keys[0],
    });
  });

  it('names the tier and what is left when it sold out', async () => {
    const user = userEvent.setup();
    const calls: Variables[] = [];
    const soldOut = typed({ __typename: 'SoldOutError', message: 'Not enough', tierId: 'VIP', requested: 4, available: 3 });
    const availability = {
      request: { query: BookingFormAvailabilityQuery, variables: { concertId: 'C1' } },
      result: { data: { __typename: 'Query', availability: [{ __typename: 'TicketTier', id: 'VIP', available: 3, capacity: 100 }] } },
    };
    renderForm([bookingMock(soldOut, calls), availability]);
    await fillOrder(user, 4);
    await user.click(screen.getByRole('button', { name: 'Book' }));
    expect(await screen.findByText(/Only 3 VIP tickets left/)).toBeTruthy();
    expect(screen.queryByText(/Booking page/)).toBeNull();
  });

  it('shows a validation error next to the email field', async () => {
    const user = userEvent.setup();
    const invalid = typed({ __typename: 'ValidationError', message: 'That email domain does not accept mail.', field: 'customerEmail' });
    renderForm([bookingMock(invalid, [])]);
    await fillOrder(user);
    await user.click(screen.getByRole('button', { name: 'Book' }));
    const message = await screen.findByText('That email domain does not accept mail.');
    expect(screen.getByLabelText('Email for your tickets').getAttribute('aria-describedby')).toBe(message.id);
  });

  it('shows a validation error next to the tier named by items[n]', async () => {
    const user = userEvent.setup();
    const invalid = typed({ __typename: 'ValidationError', message: 'At most 10 per tier.', field: 'items[1].quantity' });
    renderForm([bookingMock(invalid, [])]);
    await user.selectOptions(screen.getByLabelText(/Quantity of GA tickets/), '3');
    await fillOrder(user, 1);
    await user.click(screen.getByRole('button', { name: 'Book' }));
    // items are sent in display order: [VIP, GA], so items[1] is GA.
    const gaRow = screen.getAllByTestId('tier').find((row) => row.dataset.tierId === 'GA')!;
    expect(await within(gaRow).findByText('At most 10 per tier.')).toBeTruthy();
  });

  it('explains a concert or tier that no longer exists', async () => {
    const user = userEvent.setup();
    renderForm([bookingMock(typed({ __typename: 'NotFoundError', message: 'No such tier', id: 'VIP' }), [])]);
    await fillOrder(user);
    await user.click(screen.getByRole('button', { name: 'Book' }));
    expect(await screen.findByText(/no longer on sale/)).toBeTruthy();
  });

  it('explains a reused key and starts a new attempt for the next submit', async () => {
    const user = userEvent.setup();
    const calls: Variables[] = [];
    const reused = typed({ __typename: 'IdempotencyKeyReusedError', message: 'Key reused' });
    renderForm([bookingMock(reused, calls), bookingMock(reused, calls)]);
    await fillOrder(user);
    await user.click(screen.getByRole('button', { name: 'Book' }));
    expect(await screen.findByText(/already used for a different order/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Book' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]?.input.idempotencyKey).not.toBe(calls[0]?.input.idempotencyKey);
  });

  it('retries a network failure with the same idempotency key', async () => {
    const user = userEvent.setup();
    const calls: Variables[] = [];
    const success = typed({
      __typename: 'BookTicketsSuccess',
      replayed: true,
      booking: { __typename: 'Booking', id: 'B7', items: [] },
    });
    renderForm([bookingMock(new Error('Failed to fetch'), calls), bookingMock(success, calls)]);
    await fillOrder(user);
    await user.click(screen.getByRole('button', { name: 'Book' }));
    expect(await screen.findByText(/could not reach the box office/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Booking page for B7')).toBeTruthy();
    expect(calls).toHaveLength(2);
    expect(calls[1]?.input.idempotencyKey).toBe(calls[0]?.input.idempotencyKey);
  });

  it('uses a new key when the order changes after a network failure', async () => {
    const user = userEvent.setup();
    const calls: Variables[] = [];
    renderForm([bookingMock(new Error('Failed to fetch'), calls), bookingMock(new Error('Failed to fetch'), calls)]);
    await fillOrder(user);
    await user.click(screen.getByRole('button', { name: 'Book' }));
    await screen.findByText(/could not reach the box office/);
    await user.selectOptions(screen.getByLabelText(/Quantity of VIP tickets/), '3');
    await user.click(screen.getByRole('button', { name: 'Book' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]?.input.idempotencyKey).not.toBe(calls[0]?.input.idempotencyKey);
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
    expect((screen.getByRole('button', { name: 'Book' }) as HTMLButtonElement).disabled).toBe(true);
    await user.selectOptions(screen.getByLabelText(/Quantity of VIP tickets/), '2');
    expect((screen.getByRole('button', { name: 'Book' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
