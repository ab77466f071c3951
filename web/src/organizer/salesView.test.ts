import { describe, expect, it } from 'vitest';
import { initialSalesView, salesViewReducer } from './salesView';

const now = new Date('2027-03-14T12:00:00.000Z');

describe('salesViewReducer', () => {
  it('opens on every sale since on-sale, per hour', () => {
    expect(initialSalesView(now)).toEqual({ range: { preset: 'sinceOnSale', from: null, to: null }, bucket: 'HOUR' });
  });

  it('gives each preset its own bucket', () => {
    const days = salesViewReducer(initialSalesView(now), { type: 'bucket', bucket: 'DAY', now });
    expect(salesViewReducer(days, { type: 'preset', preset: 'lastHour', now }).bucket).toBe('MINUTE');
    expect(salesViewReducer(days, { type: 'preset', preset: 'last24h', now }).bucket).toBe('HOUR');
  });

  it('keeps a chosen bucket for a custom range that allows it, and drops MINUTE when it does not', () => {
    const minutes = salesViewReducer(initialSalesView(now), { type: 'preset', preset: 'lastHour', now });
    expect(salesViewReducer(minutes, { type: 'custom', from: '2027-03-14T10:00:00.000Z', to: '2027-03-14T12:00:00.000Z', now }).bucket).toBe('MINUTE');
    expect(salesViewReducer(minutes, { type: 'custom', from: '2027-03-01T00:00:00.000Z', to: null, now }).bucket).toBe('DAY');
  });

  it('refuses MINUTE for a range that cannot have it', () => {
    expect(salesViewReducer(initialSalesView(now), { type: 'bucket', bucket: 'MINUTE', now }).bucket).toBe('HOUR');
  });

  it('takes a custom range as given', () => {
    const view = salesViewReducer(initialSalesView(now), { type: 'custom', from: '2027-03-01T00:00:00.000Z', to: '2027-03-02T00:00:00.000Z', now });
    expect(view.range).toEqual({ preset: 'custom', from: '2027-03-01T00:00:00.000Z', to: '2027-03-02T00:00:00.000Z' });
  });
});
