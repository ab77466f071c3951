import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { makeFragmentData } from '../gql/fragment-masking';
import { DashboardConcert, DashboardConcertFragment } from './DashboardConcert';
import { DashboardSummary, DashboardSummaryFragment } from './DashboardSummary';

// 30 of 100 taken: the page cannot tell sold from held, so it must not call them sold or price them.
const tiers = [
  { __typename: 'TicketTier' as const, id: 'T1', name: 'Floor', capacity: 60, available: 40 },
  { __typename: 'TicketTier' as const, id: 'T2', name: 'Balcony', capacity: 40, available: 30 },
];
const concert = {
  __typename: 'Concert' as const,
  id: 'C1',
  name: 'Harbor Lights',
  venue: 'Carnegie Hall',
  startsAt: '2030-01-20T20:00:00Z',
  timeZone: 'America/New_York',
  tiers,
};

describe('the public inventory dashboard', () => {
  it('counts tickets taken, saying that means sold or held, per tier and per concert', () => {
    render(<DashboardConcert concert={makeFragmentData(concert, DashboardConcertFragment)} />);
    expect(screen.getByTestId('dashboard-concert-taken').textContent).toBe('30 / 100 taken (sold or held)');
    expect(screen.getByRole('columnheader', { name: 'Taken (sold or held)' })).toBeTruthy();
    expect(screen.getAllByTestId('dashboard-taken').map((cell) => cell.textContent)).toEqual(['20 / 60', '10 / 40']);
    expect(document.body.textContent).not.toMatch(/revenue|sold \/|\$/i);
  });

  it('sums what is taken across concerts, with no revenue', () => {
    render(<DashboardSummary concerts={[makeFragmentData(concert, DashboardSummaryFragment)]} />);
    expect(screen.getByText('Tickets taken (sold or held)').nextElementSibling?.textContent).toBe('30');
    expect(screen.getByTestId('summary-taken').textContent).toBe('30');
    expect(screen.queryByTestId('summary-revenue')).toBeNull();
    expect(document.body.textContent).not.toMatch(/revenue|\$/i);
  });
});
