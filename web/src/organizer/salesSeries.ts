// Turns a salesAnalytics report into what the charts draw and what their tables read out.
// Kept apart from the chart components so the figures can be tested without a canvas.

import type { Money } from '../lib/format';

export interface SalesPointInput {
  start: string;
  tickets: number;
  revenue: Money;
}

export interface OverTimeSeries {
  /** Bucket starts in Unix seconds, the unit uPlot's time scale takes. */
  x: number[];
  tickets: number[];
  /** Running total in major units (dollars), so the axis reads as money without a scale factor. */
  cumulativeRevenue: number[];
  totalTickets: number;
  totalRevenue: Money | null;
}

/** Buckets arrive oldest first and only where something sold; a running total makes the revenue line climb as sales come in. */
export function overTimeSeries(points: readonly SalesPointInput[]): OverTimeSeries {
  const sorted = [...points].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  let runningCents = 0;
  const series: OverTimeSeries = { x: [], tickets: [], cumulativeRevenue: [], totalTickets: 0, totalRevenue: null };
  for (const point of sorted) {
    runningCents += point.revenue.cents;
    series.x.push(Math.floor(Date.parse(point.start) / 1000));
    series.tickets.push(point.tickets);
    series.cumulativeRevenue.push(runningCents / 100);
    series.totalTickets += point.tickets;
  }
  const currency = sorted[0]?.revenue.currency;
  series.totalRevenue = currency ? { cents: runningCents, currency } : null;
  return series;
}

export interface TierSalesInput {
  tier: { id: string; name: string };
  ticketsSold: number;
  held: number;
  capacity: number;
  sellThrough: number;
}

export interface TierBar {
  id: string;
  name: string;
  ticketsSold: number;
  held: number;
  capacity: number;
  /** Whole percent for the label; the bar itself uses the exact share. */
  soldPercent: number;
  /** Shares of the capacity, 0–1 each, clamped so a tier cut below its sales still draws inside its track. */
  soldShare: number;
  heldShare: number;
}

export function tierBars(tiers: readonly TierSalesInput[]): TierBar[] {
  return tiers.map((row) => {
    const soldShare = clamp(row.sellThrough);
    const heldShare = row.capacity > 0 ? Math.min(clamp(row.held / row.capacity), 1 - soldShare) : 0;
    return {
      id: row.tier.id,
      name: row.tier.name,
      ticketsSold: row.ticketsSold,
      held: row.held,
      capacity: row.capacity,
      soldPercent: Math.round(row.sellThrough * 100),
      soldShare,
      heldShare,
    };
  });
}

/** Revenue by tier as uPlot draws categories: x is the tier's index, y its revenue in major units. */
export function tierRevenueData(tiers: readonly { revenue: Money }[]): [number[], number[]] {
  return [tiers.map((_tier, index) => index), tiers.map((tier) => tier.revenue.cents / 100)];
}

export interface StatusCounts {
  held: number;
  confirmed: number;
  expired: number;
  cancelled: number;
}

export interface StatusShare {
  key: keyof StatusCounts;
  label: string;
  tickets: number;
  /** 0–1 of all the range's tickets; 0 everywhere when there are none. */
  share: number;
}

const STATUS_LABELS: Record<keyof StatusCounts, string> = { confirmed: 'Confirmed', held: 'Held, not paid yet', expired: 'Expired holds', cancelled: 'Cancelled' };

export function statusShares(counts: StatusCounts): StatusShare[] {
  const total = counts.held + counts.confirmed + counts.expired + counts.cancelled;
  return (['confirmed', 'held', 'expired', 'cancelled'] as const).map((key) => ({ key, label: STATUS_LABELS[key], tickets: counts[key], share: total > 0 ? counts[key] / total : 0 }));
}

function clamp(share: number): number {
  return Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0;
}
