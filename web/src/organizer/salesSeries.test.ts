import { describe, expect, it } from 'vitest';
import { overTimeSeries, statusShares, tierBars, tierRevenueData } from './salesSeries';

const usd = (cents: number) => ({ cents, currency: 'USD' });

describe('overTimeSeries', () => {
  it('orders buckets, converts to Unix seconds and keeps a running revenue total', () => {
    const series = overTimeSeries([
      { start: '2027-03-14T13:00:00.000Z', tickets: 1, revenue: usd(5_000) },
      { start: '2027-03-14T12:00:00.000Z', tickets: 2, revenue: usd(20_000) },
    ]);
    expect(series.x).toEqual([Date.parse('2027-03-14T12:00:00.000Z') / 1000, Date.parse('2027-03-14T13:00:00.000Z') / 1000]);
    expect(series.tickets).toEqual([2, 1]);
    expect(series.cumulativeRevenue).toEqual([200, 250]);
    expect(series.totalTickets).toBe(3);
    expect(series.totalRevenue).toEqual(usd(25_000));
  });

  it('has no currency and no points when nothing sold', () => {
    expect(overTimeSeries([])).toEqual({ x: [], tickets: [], cumulativeRevenue: [], totalTickets: 0, totalRevenue: null });
  });
});

describe('tierBars', () => {
  const tier = (name: string, ticketsSold: number, held: number, capacity: number) => ({
    tier: { id: name, name },
    ticketsSold,
    held,
    capacity,
    sellThrough: capacity > 0 ? ticketsSold / capacity : 0,
  });

  it('gives sold and held shares of the capacity and a whole percent', () => {
    const [vip] = tierBars([tier('VIP', 2, 1, 30)]);
    expect(vip).toMatchObject({ name: 'VIP', soldPercent: 7, ticketsSold: 2, held: 1, capacity: 30 });
    expect(vip!.soldShare).toBeCloseTo(2 / 30);
    expect(vip!.heldShare).toBeCloseTo(1 / 30);
  });

  it('keeps bars inside their track when capacity was cut below sales, or is zero', () => {
    const [over, empty] = tierBars([{ ...tier('Pit', 5, 3, 4), sellThrough: 1.25 }, tier('Closed', 0, 0, 0)]);
    expect(over!.soldShare).toBe(1);
    expect(over!.heldShare).toBe(0);
    expect(empty!.soldShare).toBe(0);
    expect(empty!.heldShare).toBe(0);
  });

  it('lays revenue out by tier index for the bar chart', () => {
    expect(tierRevenueData([{ revenue: usd(20_000) }, { revenue: usd(0) }])).toEqual([
      [0, 1],
      [200, 0],
    ]);
  });
});

describe('statusShares', () => {
  it('shares the tickets out by status, confirmed first', () => {
    const shares = statusShares({ held: 1, confirmed: 3, expired: 0, cancelled: 0 });
    expect(shares.map((s) => [s.key, s.tickets, s.share])).toEqual([
      ['confirmed', 3, 0.75],
      ['held', 1, 0.25],
      ['expired', 0, 0],
      ['cancelled', 0, 0],
    ]);
  });

  it('is all zeros, not NaN, without tickets', () => {
    expect(statusShares({ held: 0, confirmed: 0, expired: 0, cancelled: 0 }).every((s) => s.share === 0)).toBe(true);
  });
});
