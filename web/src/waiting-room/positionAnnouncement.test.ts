import { describe, expect, it } from 'vitest';
import { MIN_GAP_MS, positionSentence, shouldAnnounce } from './positionAnnouncement';

describe('position announcements', () => {
  it('announces the first position at once', () => {
    expect(shouldAnnounce(null, 5000, 0)).toBe(true);
  });

  it('stays quiet between announcements and while nothing moves', () => {
    const last = { position: 5000, at: 0 };
    expect(shouldAnnounce(last, 4990, 1_000)).toBe(false);
    expect(shouldAnnounce(last, 5000, MIN_GAP_MS * 3)).toBe(false);
    expect(shouldAnnounce(last, 4700, MIN_GAP_MS)).toBe(true);
  });

  it('speaks up at once when a milestone is crossed', () => {
    expect(shouldAnnounce({ position: 120, at: 0 }, 98, 1_000)).toBe(true);
    expect(shouldAnnounce({ position: 12, at: 0 }, 9, 1_000)).toBe(true);
    expect(shouldAnnounce({ position: 2, at: 0 }, 1, 1_000)).toBe(true);
    expect(shouldAnnounce({ position: 9, at: 0 }, 8, 1_000)).toBe(false);
  });

  it('words the position', () => {
    expect(positionSentence(1234, 'about 3 minutes')).toBe('You are number 1,234 in line. Estimated wait: about 3 minutes.');
    expect(positionSentence(1, 'about a minute')).toBe('You are next in line.');
  });
});
