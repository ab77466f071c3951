import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { AdmissionCountdown } from './AdmissionCountdown';
import { HoldCountdown } from './HoldCountdown';

// Through their two users: the hold's countdown and the waiting room admission's.
describe('countdown', () => {
  it('shows m:ss as a timer, and turns urgent in the last minute', () => {
    const { container, rerender } = render(<HoldCountdown msLeft={545_000} />);
    expect(screen.getByRole('timer')).toHaveProperty('textContent', '9:05');
    expect(screen.getByRole('timer').getAttribute('aria-label')).toBe('9:05 left');
    expect(container.querySelector('.hold-countdown--urgent')).toBeNull();
    rerender(<HoldCountdown msLeft={60_000} />);
    expect(container.querySelector('.hold-countdown--urgent')).not.toBeNull();
  });

  it('announces the time left near 5, 2 and 1 minutes and 30 seconds only', () => {
    const announcement = (msLeft: number) => {
      const { container, unmount } = render(<HoldCountdown msLeft={msLeft} />);
      const text = container.querySelector('[aria-live="polite"]')!.textContent;
      unmount();
      return text;
    };
    expect(announcement(299_000)).toBe('5 minutes left to pay.');
    expect(announcement(120_000)).toBe('2 minutes left to pay.');
    expect(announcement(58_000)).toBe('1 minute left to pay.');
    expect(announcement(27_000)).toBe('30 seconds left to pay.');
    expect(announcement(200_000)).toBe('');
    expect(announcement(20_000)).toBe('');
  });

  it("counts an admission down from its expiry, with its own announcement, and says when it is up", () => {
    const { container, unmount } = render(<AdmissionCountdown expiresAt={new Date(Date.now() + 119_900).toISOString()} />);
    expect(screen.getByRole('timer').textContent).toBe('2:00');
    expect(container.querySelector('[aria-live="polite"]')!.textContent).toBe('2 minutes left to hold your tickets.');
    unmount();
    render(<AdmissionCountdown expiresAt={new Date(Date.now() - 1_000).toISOString()} />);
    expect(screen.queryByRole('timer')).toBeNull();
    expect(screen.getByTestId('admission-countdown').textContent).toContain('Your admission time is up.');
  });
});
