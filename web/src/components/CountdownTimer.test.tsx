import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { HoldCountdown } from './HoldCountdown';

// Through HoldCountdown, the countdown pieces' first user.
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
});
