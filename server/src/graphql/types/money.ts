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
