import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { makeFragmentData } from '../gql/fragment-masking';
import type { SalesStatus } from '../gql/graphql';
import { ConcertCard, ConcertCardFragment } from './ConcertCard';

// Cancelling refunds every booking, so all 50 tickets are "available" again.
const draw = (salesStatus: SalesStatus) =>
  render(
    <MemoryRouter>
      <ConcertCard
        concert={makeFragmentData(
          {
            __typename: 'Concert',
            id: 'C1',
            name: 'Harbor Lights',
            venue: 'Carnegie Hall',
            startsAt: '2030-01-20T20:00:00Z',
            timeZone: 'America/New_York',
            salesStatus,
            tiers: [{ __typename: 'TicketTier', id: 'T1', price: { __typename: 'Money', cents: 1999, currency: 'USD' }, capacity: 50, available: 50 }],
          },
          ConcertCardFragment,
        )}
      />
    </MemoryRouter>,
  );

describe('ConcertCard', () => {
  it('shows a price and what is left while the concert sells', () => {
    draw('ON_SALE');
    expect(screen.getByTestId('availability-summary').textContent).toBe('50 of 50 tickets left');
    expect(screen.getByText('$19.99')).toBeTruthy();
  });

  it('says a cancelled concert is cancelled, with no price or tickets left', () => {
    draw('CANCELLED');
    expect(screen.getByTestId('availability-summary').textContent).toBe('Cancelled');
    expect(screen.queryByText(/tickets left|From/)).toBeNull();
  });
});
