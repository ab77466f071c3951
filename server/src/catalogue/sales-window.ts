/** What decides whether a concert sells now; the TierCatalogue keeps it per process. */
export interface SalesWindow {
  startsAt: Date;
  /** Null: on sale as soon as it is published. */
  onSaleAt: Date | null;
  salesPaused: boolean;
  /** Set once an organizer cancelled the concert: nothing sells again. */
  cancelledAt: Date | null;
}

export type ClosedReason = 'NOT_YET_ON_SALE' | 'PAUSED' | 'ENDED' | 'CANCELLED';
export type SalesStatus = 'ON_SALE' | 'SOLD_OUT' | ClosedReason;

/**
 * Why nobody can hold or book now, or null while sales are open. A cancelled concert is cancelled
 * whatever else is set, and a started one over; a pause wins over a window that has not opened yet, since resuming is what the
 * organizer has to do first.
 */
export function closedReason(window: SalesWindow, now: number = Date.now()): ClosedReason | null {
  if (window.cancelledAt) return 'CANCELLED';
  if (window.startsAt.getTime() <= now) return 'ENDED';
  if (window.salesPaused) return 'PAUSED';
  if (window.onSaleAt && window.onSaleAt.getTime() > now) return 'NOT_YET_ON_SALE';
  return null;
}

/** What a shopper's page shows: closed for a reason, sold out (every tier at 0), or on sale. */
export function salesStatusOf(window: SalesWindow, tiers: readonly { available: number }[], now: number = Date.now()): SalesStatus {
  const closed = closedReason(window, now);
  if (closed) return closed;
  return tiers.every((tier) => tier.available === 0) ? 'SOLD_OUT' : 'ON_SALE';
}
