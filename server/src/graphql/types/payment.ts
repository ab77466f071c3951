import { builder } from '../builder.ts';
import { MoneyRef } from './money.ts';

const PaymentStatusRef = builder.enumType('PaymentStatus', {
  values: {
    PROCESSING: { description: 'The card processor has not decided yet.' },
    SUCCEEDED: { description: 'Charged.' },
    DECLINED: { description: 'Refused; nothing was charged.' },
    UNKNOWN: { description: 'The processor did not answer; the outcome is settled by asking it, never by charging again.' },
    REFUNDED: { description: 'Charged, then given back in full.' },
  } as const,
});

export const PaymentRef = builder.drizzleNode('payments', {
  name: 'Payment',
  id: { column: (payment) => payment.id },
  fields: (t) => ({
    status: t.expose('status', { type: PaymentStatusRef }),
    amount: t.field({
      type: MoneyRef,
      select: { columns: { amountCents: true, currency: true } },
      resolve: (payment) => ({ cents: payment.amountCents, currency: payment.currency }),
    }),
    refunded: t.field({
      type: MoneyRef,
      select: { columns: { refundedCents: true, currency: true } },
      resolve: (payment) => ({ cents: payment.refundedCents, currency: payment.currency }),
    }),
    cardLast4: t.exposeString('cardLast4'),
    declineCode: t.exposeString('declineCode', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
