import { describe, expect, it } from 'vitest';
import { salesNotice } from './salesStatus';

describe('sales notices', () => {
  it('says nothing while tickets are on sale', () => {
    expect(salesNotice({ salesStatus: 'ON_SALE', timeZone: 'UTC' })).toBeNull();
  });

  it('gives the opening time in the venue’s zone', () => {
    const notice = salesNotice({ salesStatus: 'NOT_YET_ON_SALE', onSaleAt: '2027-03-01T09:00:00.000Z', timeZone: 'Europe/Paris' });
    expect(notice).toEqual({ title: 'Not on sale yet', detail: 'Tickets go on sale Mon, Mar 1, 2027, 10:00 AM GMT+1.' });
  });

  it('names each other reason', () => {
    expect(salesNotice({ salesStatus: 'PAUSED', timeZone: 'UTC' })?.title).toBe('Sales paused');
    expect(salesNotice({ salesStatus: 'SOLD_OUT', timeZone: 'UTC' })?.title).toBe('Sold out');
    expect(salesNotice({ salesStatus: 'ENDED', timeZone: 'UTC' })?.title).toBe('Sales have ended');
    expect(salesNotice({ salesStatus: 'CANCELLED', timeZone: 'UTC', cancellationReason: 'Artist unwell' })?.detail).toMatch(/^The organizer cancelled this concert: Artist unwell\. /);
  });
});
