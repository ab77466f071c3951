import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { createCache } from '../apollo';
import { loadAdmission, saveAdmission } from '../waiting-room/admissionStore';
import { BookingForm } from './BookingForm';
import { bookingMock, concert, fillOrder, stubRandomUUID, typed, type Variables } from '../../test/bookingFormHarness';

stubRandomUUID();

const admission = { token: 'admission-token-1', expiresAt: new Date(Date.now() + 9 * 60_000).toISOString() };

function WaitingRoomPage() {
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  return <p>Waiting room: {notice}</p>;
}

function renderWithAdmission(mocks: MockLink.MockedResponse[]) {
  saveAdmission('C1', admission);
  return render(
    <MockedProvider mocks={mocks} cache={createCache()}>
      <MemoryRouter initialEntries={['/concerts/C1']}>
        <Routes>
          <Route path="/concerts/:id" element={<BookingForm concert={concert} admission={admission} />} />
          <Route path="/concerts/:id/waiting-room" element={<WaitingRoomPage />} />
          <Route path="/bookings/:id" element={<p>Booking page</p>} />
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('BookingForm: a concert that sells through its waiting room', () => {
  it('shows the admission’s time left and holds with its token, which is then spent', async () => {
    const user = userEvent.setup();
    const calls: Variables[] = [];
    const success = typed({
      __typename: 'HoldTicketsSuccess',
      replayed: false,
      booking: { __typename: 'Booking', id: 'B1', accessToken: 'T1', items: [{ __typename: 'BookingItem', quantity: 2, tier: { __typename: 'TicketTier', id: 'VIP', available: 3 } }] },
    });
    renderWithAdmission([bookingMock(success, calls)]);
    expect(screen.getByRole('timer').textContent).toMatch(/^(9:00|8:5\d)$/);
    await fillOrder(user);
    await user.click(screen.getByRole('button', { name: 'Continue to payment' }));
    expect(await screen.findByText('Booking page')).toBeTruthy();
    expect((calls[0] as Variables & { admissionToken?: string }).admissionToken).toBe('admission-token-1');
    expect(loadAdmission('C1')).toBeNull();
  });

  it.each([
    [{ __typename: 'AdmissionRequiredError' }, /sold through a waiting room/],
    [{ __typename: 'InvalidAdmissionError', admissionRefusal: 'EXPIRED' }, /admission ran out/],
    [{ __typename: 'InvalidAdmissionError', admissionRefusal: 'ALREADY_USED' }, /already used/],
    [{ __typename: 'InvalidAdmissionError', admissionRefusal: 'FORGED' }, /could not verify/],
  ])('sends the shopper back to the waiting room on %j, forgetting the token', async (answer, notice) => {
    const user = userEvent.setup();
    renderWithAdmission([bookingMock(typed(answer), [])]);
    await fillOrder(user);
    await user.click(screen.getByRole('button', { name: 'Continue to payment' }));
    expect((await screen.findByText(/^Waiting room:/)).textContent).toMatch(notice);
    expect(loadAdmission('C1')).toBeNull();
  });
});
