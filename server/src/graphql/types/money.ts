import { builder } from '../builder.ts';

export interface Money {
  cents: number;
  currency: string;
}

export const MoneyRef = builder.objectRef<Money>('Money').implement({
  description: 'Amounts are integer minor units (cents); the seed catalogue is USD only.',
  fields: (t) => ({
    cents: t.exposeInt('cents'),
    currency: t.exposeString('currency'),
  }),
});

/**
 * A sum over many bookings (a concert's takings, its refunds): a stadium's takings pass the 32 bits of
 * Money.cents ($21,474,836.47), so these count in SafeInt. One booking's amounts stay Money: an
 * order's largest possible total (20 tiers × 10 tickets × the $100,000 price cap) fits.
 */
export const MoneyTotalRef = builder.objectRef<{ cents: number | string; currency: string }>('MoneyTotal').implement({
  description: 'A sum of money over many bookings, in integer minor units (cents), which may pass 32 bits.',
  fields: (t) => ({
    cents: t.expose('cents', { type: 'SafeInt' }),
    currency: t.exposeString('currency'),
  }),
});
