import { describe, expect, it } from 'vitest';
import { bucketsFor, customRange, defaultBucket, fitBucket, liveBucket, liveReportFits, presetRange, queryArgs, rangeProblem } from './salesRange';

const now = new Date('2027-03-14T12:00:00.000Z');

describe('presetRange', () => {
  it('reaches back from now and leaves the end open, so new sales stay inside', () => {
    expect(presetRange('last24h', now)).toEqual({ preset: 'last24h', from: '2027-03-13T12:00:00.000Z', to: null });
    expect(presetRange('last7d', now).from).toBe('2027-03-07T12:00:00.000Z');
    expect(presetRange('lastHour', now).from).toBe('2027-03-14T11:00:00.000Z');
  });

  it('asks for every booking since on-sale, which is what the live report covers', () => {
    expect(presetRange('sinceOnSale', now)).toEqual({ preset: 'sinceOnSale', from: null, to: null });
  });
});

describe('buckets', () => {
  it('offers MINUTE only for spans the server accepts, with room for sales still to come', () => {
    expect(bucketsFor(presetRange('lastHour', now), now)).toEqual(['MINUTE', 'HOUR', 'DAY']);
    expect(bucketsFor(presetRange('last24h', now), now)).toEqual(['HOUR', 'DAY']);
    expect(bucketsFor(presetRange('sinceOnSale', now), now)).toEqual(['HOUR', 'DAY']);
    expect(bucketsFor(customRange('2027-03-13T12:00:00.000Z', '2027-03-14T12:00:00.000Z'), now)).toContain('MINUTE');
    expect(bucketsFor(customRange('2027-03-13T11:59:00.000Z', '2027-03-14T12:00:00.000Z'), now)).not.toContain('MINUTE');
  });

  it('picks a few dozen points at most by default', () => {
    expect(defaultBucket(presetRange('lastHour', now), now)).toBe('MINUTE');
    expect(defaultBucket(presetRange('last24h', now), now)).toBe('HOUR');
    expect(defaultBucket(presetRange('last7d', now), now)).toBe('DAY');
    expect(defaultBucket(presetRange('sinceOnSale', now), now)).toBe('HOUR');
  });

  it('keeps a chosen bucket the range still allows, else falls back', () => {
    expect(fitBucket('DAY', presetRange('lastHour', now), now)).toBe('DAY');
    expect(fitBucket('MINUTE', presetRange('last7d', now), now)).toBe('DAY');
  });
});

describe('queryArgs', () => {
  it('closes an open MINUTE range 24 h after its start, as the server requires', () => {
    expect(queryArgs(presetRange('lastHour', now), 'MINUTE')).toEqual({ from: '2027-03-14T11:00:00.000Z', to: '2027-03-15T11:00:00.000Z', bucket: 'MINUTE' });
  });

  it('passes other ranges through', () => {
    expect(queryArgs(presetRange('last24h', now), 'HOUR')).toEqual({ from: '2027-03-13T12:00:00.000Z', to: null, bucket: 'HOUR' });
  });
});

describe('live updates', () => {
  it('uses the pushed report only when the page shows every booking in a bucket the push offers', () => {
    expect(liveReportFits({ from: null, to: null, bucket: 'DAY' })).toBe(true);
    expect(liveReportFits({ from: '2027-03-13T12:00:00.000Z', to: null, bucket: 'HOUR' })).toBe(false);
    expect(liveReportFits({ from: null, to: null, bucket: 'MINUTE' })).toBe(false);
  });

  it('subscribes in HOUR buckets while the page shows minutes', () => {
    expect(liveBucket('MINUTE')).toBe('HOUR');
    expect(liveBucket('DAY')).toBe('DAY');
  });
});

describe('rangeProblem', () => {
  it('refuses an end before the start', () => {
    expect(rangeProblem(customRange('2027-03-14T12:00:00.000Z', '2027-03-14T11:00:00.000Z'))).toBe('The end must be after the start.');
    expect(rangeProblem(customRange('2027-03-14T11:00:00.000Z', null))).toBeNull();
  });
});
