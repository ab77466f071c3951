import { describe, expect, it } from 'vitest';
import { describeWait, estimateWaitMinutes, needsTicketRefetch, newerStatus, progressOf, standingOf, type StatusLike } from './queuePosition';

const status = (over: Partial<StatusLike> = {}): StatusLike => ({
  enabled: true,
  drawn: true,
  admittedThrough: 100,
  admissionsPerMinute: 50,
  shopping: 10,
  maxShopping: 200,
  drawsAt: '2030-01-01T10:00:00Z',
  ...over,
});

describe('standingOf', () => {
  it('computes position, wait and progress from the place and the shared status', () => {
    expect(standingOf({ place: 350, status: 'WAITING' }, status())).toEqual({
      kind: 'waiting',
      place: 350,
      position: 250,
      waitMinutes: 5,
      progress: 28,
      paused: false,
    });
  });

  it('says admission is paused while the shopping cap is reached', () => {
    const standing = standingOf({ place: 150, status: 'WAITING' }, status({ shopping: 200 }));
    expect(standing).toMatchObject({ kind: 'waiting', paused: true });
  });

  it('has no place before the draw, whatever the ticket says', () => {
    expect(standingOf({ place: null, status: 'WAITING' }, status({ drawn: false }))).toEqual({ kind: 'beforeDraw', drawsAt: '2030-01-01T10:00:00Z' });
    expect(standingOf(null, null)).toEqual({ kind: 'beforeDraw', drawsAt: null });
  });

  it('waits for the next tick to be placed after the draw', () => {
    const ticket = { place: null, status: 'WAITING' as const };
    const standing = standingOf(ticket, status());
    expect(standing).toEqual({ kind: 'placing' });
    expect(needsTicketRefetch(standing, ticket)).toBe(true);
  });

  it('is admitted once the line reaches the place, and then asks for the ticket (for its token)', () => {
    const ticket = { place: 100, status: 'WAITING' as const };
    const standing = standingOf(ticket, status());
    expect(standing).toEqual({ kind: 'admitted' });
    expect(needsTicketRefetch(standing, ticket)).toBe(true);
    expect(needsTicketRefetch(standing, { place: 100, status: 'ADMITTED' })).toBe(false);
  });

  it('follows the ticket once it is admitted, used or expired', () => {
    expect(standingOf({ place: 5, status: 'ADMITTED' }, status({ admittedThrough: 0 })).kind).toBe('admitted');
    expect(standingOf({ place: 5, status: 'USED' }, status()).kind).toBe('used');
    expect(standingOf({ place: 5, status: 'EXPIRED' }, status()).kind).toBe('expired');
  });

  it('is off when the organizer turns the room off', () => {
    expect(standingOf({ place: 500, status: 'WAITING' }, status({ enabled: false }))).toEqual({ kind: 'off' });
  });
});

describe('estimates', () => {
  it('rounds the wait up to whole minutes, at least one', () => {
    expect(estimateWaitMinutes(1, 1000)).toBe(1);
    expect(estimateWaitMinutes(101, 100)).toBe(2);
    expect(estimateWaitMinutes(5, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('keeps progress within 0–100', () => {
    expect(progressOf(200, 50)).toBe(25);
    expect(progressOf(200, 500)).toBe(100);
    expect(progressOf(200, 0)).toBe(0);
  });

  it('words the wait in minutes and hours', () => {
    expect(describeWait(1)).toBe('about a minute');
    expect(describeWait(12)).toBe('about 12 minutes');
    expect(describeWait(60)).toBe('about 1 hour');
    expect(describeWait(135)).toBe('about 2 hours 15 minutes');
    expect(describeWait(61)).toBe('about 1 hour 1 minute');
    expect(describeWait(Number.POSITIVE_INFINITY)).toBe('unknown');
  });
});

describe('newerStatus', () => {
  it('shows the later tick, whichever of the read and the push brought it', () => {
    const earlier = { at: '2030-01-01T10:00:01.000Z', admittedThrough: 30 };
    const later = { at: '2030-01-01T10:00:02.000Z', admittedThrough: 40 };
    expect(newerStatus(later, earlier)).toBe(later);
    expect(newerStatus(earlier, later)).toBe(later);
    expect(newerStatus(null, earlier)).toBe(earlier);
    expect(newerStatus(earlier, null)).toBe(earlier);
    expect(newerStatus(null, null)).toBeNull();
  });
});
