import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { formatTime } from '../lib/format';
import type { QueueStanding } from '../waiting-room/queuePosition';
import { WaitingRoomPanel } from './WaitingRoomPanel';

const draw = (standing: QueueStanding, admissionMinutes: number | null = 10) =>
  render(
    <MemoryRouter>
      <WaitingRoomPanel concertId="C1" standing={standing} admissionMinutes={admissionMinutes} waitingCount={1200} />
    </MemoryRouter>,
  );

describe('WaitingRoomPanel', () => {
  it('before the draw, says when it happens and that arriving early gives no advantage', () => {
    draw({ kind: 'beforeDraw', drawsAt: '2030-01-01T10:00:00Z' });
    expect(screen.getByTestId('queue-draw').textContent).toContain(`The line is drawn at ${formatTime('2030-01-01T10:00:00Z')}`);
    expect(screen.getByTestId('queue-draw').textContent).toContain('arriving earlier gives no advantage');
    expect(screen.getByText('1,200 people are waiting.')).toBeTruthy();
    expect(screen.getByText(/you’ll go to checkout automatically/).textContent).toContain('10 minutes');
  });

  it('says “1 minute”, not “1 minutes”, for a one-minute admission', () => {
    draw({ kind: 'beforeDraw', drawsAt: null }, 1);
    expect(screen.getByText(/you’ll go to checkout automatically/).textContent).toContain('you’ll have 1 minute to choose');
  });

  it('shows position, an estimate, a labelled progress bar and what happens next', () => {
    draw({ kind: 'waiting', place: 1500, position: 300, waitMinutes: 3, progress: 80, paused: true });
    expect(screen.getByTestId('queue-position').textContent).toBe('300');
    expect(screen.getByTestId('queue-estimate').textContent).toContain('about 3 minutes');
    expect(screen.getByTestId('queue-estimate').textContent).toContain('estimate');
    const bar = screen.getByRole('progressbar', { name: 'Your progress through the line' });
    expect(bar.getAttribute('aria-valuenow')).toBe('80');
    expect(bar.getAttribute('aria-valuemax')).toBe('100');
    expect(bar.getAttribute('aria-valuetext')).toBe('80% of the line ahead of you admitted. 299 people ahead of you.');
    expect(screen.getByTestId('queue-progress-caption').textContent).toBe('80% of the line ahead of you is through');
    expect(screen.getByTestId('queue-paused')).toBeTruthy();
    expect(screen.getByTestId('position-announcement').textContent).toBe('You are number 300 in line. Estimated wait: about 3 minutes.');
  });

  it('at position 1 says the shopper is next, not that 0% of the line ahead is through', () => {
    draw({ kind: 'waiting', place: 1, position: 1, waitMinutes: 1, progress: 0, paused: false });
    expect(screen.getByTestId('queue-progress-caption').textContent).toBe('You’re next');
    const bar = screen.getByRole('progressbar', { name: 'Your progress through the line' });
    expect(bar.getAttribute('aria-valuetext')).toBe('You are next.');
    expect(bar.getAttribute('aria-valuenow')).toBe('100');
    expect(document.body.textContent).not.toContain('0% of the line');
  });

  it('says what happened to a used or expired admission, without the queue’s next steps', () => {
    draw({ kind: 'expired' });
    expect(screen.getByRole('heading', { name: 'Your admission expired' })).toBeTruthy();
    expect(screen.queryByText('What happens next')).toBeNull();
  });

  it('sends shoppers to the concert when the room is turned off', () => {
    draw({ kind: 'off' });
    expect(screen.getByRole('link', { name: 'Choose your tickets' }).getAttribute('href')).toBe('/concerts/C1');
  });
});
