import { afterEach, beforeEach, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { MemoryRouter, Route, Routes, useParams, useSearchParams } from 'react-router';
import { BookingForm, BookingFormFragment } from '../src/components/BookingForm';
import { HoldTicketsMutation } from '../src/booking/useHoldTickets';
import type { FragmentType } from '../src/gql/fragment-masking';
import { createCache } from '../src/apollo';

// The booking form in a router with Apollo's MockedProvider, plus fixtures and
// a holdTickets mock that records what was sent. Mocks are for these
// component tests only; the E2E tests run against the real server.

export const money = (cents: number) => ({ __typename: 'Money', cents, currency: 'USD' });
export const tier = (id: string, name: string, cents: number, available: number, capacity: number) => ({
  __typename: 'TicketTier',
  id,
  name,
  price: money(cents),
  available,
  capacity,
});

export const concert = {
  __typename: 'Concert',
  id: 'C1',
  salesStatus: 'ON_SALE',
  onSaleAt: null,
  timeZone: 'UTC',
  tiers: [tier('VIP', 'VIP', 10000, 5, 100), tier('FR', 'Front Row', 5000, 0, 250), tier('GA', 'GA', 1000, 2000, 2000)],
} as unknown as FragmentType<typeof BookingFormFragment>;

export type Variables = { input: { concertId: string; customerEmail: string; idempotencyKey: string; items: { tierId: string; quantity: number }[] } };

// Records every holdTickets call so tests can assert on the key sent.
export function bookingMock(respond: MockLink.MockedResponse['result'] | Error, calls: Variables[], delay = 0): MockLink.MockedResponse {
  return {
    request: {
      query: HoldTicketsMutation,
      variables: (variables: Variables) => {
        calls.push(variables);
        return true;
      },
    },
    ...(respond instanceof Error ? { error: respond } : { result: respond }),
    delay,
  };
}

export const typed = (holdTickets: Record<string, unknown>) => ({ data: { __typename: 'Mutation', holdTickets } });

function BookingPage() {
  const [params] = useSearchParams();
  return (
    <>
      <p>Booking page for {useParams().id}</p>
      <p>Link secret: {params.get('access')}</p>
    </>
  );
}

export function formTree(mocks: MockLink.MockedResponse[], data = concert) {
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

export const renderForm = (mocks: MockLink.MockedResponse[]) => render(formTree(mocks));

export async function fillOrder(user: ReturnType<typeof userEvent.setup>, vip = 2, email = 'fan@example.com') {
  await user.selectOptions(screen.getByLabelText(/Quantity of VIP tickets/), String(vip));
  await user.clear(screen.getByLabelText('Email for your tickets'));
  await user.type(screen.getByLabelText('Email for your tickets'), email);
}

// Deterministic idempotency keys; tests compare what each attempt sent.
export function stubRandomUUID(): string[] {
  const keys: string[] = [];
  beforeEach(() => {
    keys.length = 0;
    let n = 0;
    vi.spyOn(crypto, 'randomUUID').mockImplementation(() => {
      const key = `00000000-0000-4000-8000-00000000000${++n}` as `${string}-${string}-${string}-${string}-${string}`;
      keys.push(key);
      return key;
    });
  });
  afterEach(() => vi.restoreAllMocks());
  return keys;
}
