import { describe, expect, it } from 'vitest';
import { makeFragmentData } from '../gql/fragment-masking';
import type { PaymentStatus } from '../gql/graphql';
import { RefundsFragment, refundsOf } from './refunds';

const money = (cents: number) => ({ __typename: 'Money' as const, cents, currency: 'EUR' });
const payment = (status: PaymentStatus, amount: number, refunded = 0) => ({ __typename: 'Payment' as const, id: crypto.randomUUID(), status, amount: money(amount), refunded: money(refunded) });
const refunds = (...payments: ReturnType<typeof payment>[]) => refundsOf(makeFragmentData({ __typename: 'Booking', payments }, RefundsFragment));
const eur = (cents: number) => ({ cents, currency: 'EUR' });

describe('refundsOf', () => {
  it('gives back what paid payments took and have not yet returned', () => {
    expect(refunds(payment('DECLINED', 5000), payment('SUCCEEDED', 5000, 1200))).toEqual({ refundable: eur(3800), refunded: eur(1200) });
  });

  it('counts refunds of every payment, and gives nothing back for one that is only being decided', () => {
    expect(refunds(payment('REFUNDED', 5000, 5000), payment('PROCESSING', 3000))).toEqual({ refundable: eur(0), refunded: eur(5000) });
  });

  it('is nothing, in dollars, before any payment', () => {
    expect(refunds()).toEqual({ refundable: { cents: 0, currency: 'USD' }, refunded: { cents: 0, currency: 'USD' } });
  });
});
