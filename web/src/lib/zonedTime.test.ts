import { describe, expect, it } from 'vitest';
import { isTimeZone, isoToWallTime, timeZoneOptions, wallTimeToIso } from './zonedTime';

describe('venue wall times', () => {
  it('reads a wall time in the venue zone, not the browser zone', () => {
    expect(wallTimeToIso('2027-03-14T20:00', 'Europe/Paris')).toBe('2027-03-14T19:00:00.000Z');
    expect(wallTimeToIso('2027-07-14T20:00', 'Europe/Paris')).toBe('2027-07-14T18:00:00.000Z');
    expect(wallTimeToIso('2027-11-01T19:30', 'America/Los_Angeles')).toBe('2027-11-02T02:30:00.000Z');
    expect(wallTimeToIso('2027-01-01T00:00', 'UTC')).toBe('2027-01-01T00:00:00.000Z');
  });

  it('handles the daylight-saving jumps: a skipped time moves on, a repeated one takes the first', () => {
    // Paris skips 02:00-03:00 on 2027-03-28 and repeats 02:00-03:00 on 2027-10-31.
    expect(wallTimeToIso('2027-03-28T02:30', 'Europe/Paris')).toBe('2027-03-28T01:30:00.000Z');
    expect(wallTimeToIso('2027-10-31T02:30', 'Europe/Paris')).toBe('2027-10-31T00:30:00.000Z');
  });

  it('round-trips an instant through the wall time it shows', () => {
    const iso = '2027-06-01T01:15:00.000Z';
    expect(isoToWallTime(iso, 'America/New_York')).toBe('2027-05-31T21:15');
    expect(wallTimeToIso(isoToWallTime(iso, 'Asia/Kolkata'), 'Asia/Kolkata')).toBe(iso);
  });

  it('refuses what is not a wall time or a zone', () => {
    expect(wallTimeToIso('', 'UTC')).toBeNull();
    expect(wallTimeToIso('2027-01-01T00:00', 'Mars/Base')).toBeNull();
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('+02:00')).toBe(false);
    expect(timeZoneOptions()).toContain('UTC');
  });
});
