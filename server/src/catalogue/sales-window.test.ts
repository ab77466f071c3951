import { describe, expect, it } from 'vitest';
import { closedReason, salesStatusOf } from './sales-window.ts';

const now = Date.parse('2030-01-01T12:00:00Z');
const at = (offsetMs: number) => new Date(now + offsetMs);

describe('sales windows', () => {
  it('is open with no on-sale time, and from the on-sale time until the concert starts', () => {
    expect(closedReason({ startsAt: at(3_600_000), onSaleAt: null, salesPaused: false, cancelledAt: null }, now)).toBeNull();
    expect(closedReason({ startsAt: at(3_600_000), onSaleAt: at(0), salesPaused: false, cancelledAt: null }, now)).toBeNull();
    expect(closedReason({ startsAt: at(3_600_000), onSaleAt: at(1), salesPaused: false, cancelledAt: null }, now)).toBe('NOT_YET_ON_SALE');
    expect(closedReason({ startsAt: at(0), onSaleAt: null, salesPaused: false, cancelledAt: null }, now)).toBe('ENDED');
  });

  it('says ENDED over PAUSED, and PAUSED over not yet open', () => {
    expect(closedReason({ startsAt: at(-1), onSaleAt: at(1), salesPaused: true, cancelledAt: null }, now)).toBe('ENDED');
    expect(closedReason({ startsAt: at(3_600_000), onSaleAt: at(1), salesPaused: true, cancelledAt: null }, now)).toBe('PAUSED');
  });

  it('says CANCELLED over everything else, ENDED included', () => {
    expect(closedReason({ startsAt: at(-1), onSaleAt: at(1), salesPaused: true, cancelledAt: at(-5) }, now)).toBe('CANCELLED');
    expect(salesStatusOf({ startsAt: at(3_600_000), onSaleAt: null, salesPaused: false, cancelledAt: at(-5) }, [{ available: 3 }], now)).toBe('CANCELLED');
  });

  it('is SOLD_OUT only while open and every tier is at 0', () => {
    const open = { startsAt: at(3_600_000), onSaleAt: null, salesPaused: false, cancelledAt: null };
    expect(salesStatusOf(open, [{ available: 0 }, { available: 0 }], now)).toBe('SOLD_OUT');
    expect(salesStatusOf(open, [{ available: 0 }, { available: 1 }], now)).toBe('ON_SALE');
    expect(salesStatusOf({ ...open, salesPaused: true, cancelledAt: null }, [{ available: 0 }], now)).toBe('PAUSED');
  });
});
