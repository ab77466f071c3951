import { describe, expect, it } from 'vitest';
import { cancellationSummary, refundProblem } from './cancellationProgress';

const usd = (cents: number) => ({ cents, currency: 'USD' });

describe('cancellationSummary', () => {
  it('counts bookings cancelled of those live at the start, with the money refunded so far', () => {
    expect(cancellationSummary({ status: 'RUNNING', total: 3, bookingsCancelled: 1, refunded: usd(10_000) })).toEqual({
      headline: 'Cancelling bookings and refunding shoppers…',
      detail: 'Refunded so far: $100.00 · 1 of 3 bookings cancelled.',
      done: 1,
      of: 3,
    });
  });

  it('reports the final state', () => {
    expect(cancellationSummary({ status: 'DONE', total: 1, bookingsCancelled: 1, refunded: usd(20_000) })).toMatchObject({
      headline: 'Concert cancelled: every booking is cancelled and refunded',
      detail: '1 of 1 booking cancelled · $200.00 refunded.',
      done: 1,
      of: 1,
    });
  });

  it('says when bookings live at the start ended on their own before the job reached them', () => {
    expect(cancellationSummary({ status: 'DONE', total: 5, bookingsCancelled: 3, refunded: usd(30_000) })).toEqual({
      headline: 'Concert cancelled: every booking is cancelled and refunded',
      detail: '3 of 5 bookings cancelled · $300.00 refunded; the other 2 had ended on their own (holds that expired or were released, or bookings their shoppers cancelled).',
      done: 5,
      of: 5,
    });
    expect(cancellationSummary({ status: 'DONE', total: 2, bookingsCancelled: 0, refunded: usd(0) }).detail).toBe(
      'All 2 bookings had ended on their own before the job reached them (holds that expired or were released, or bookings their shoppers cancelled).',
    );
  });

  it('has a whole bar and plain words when there was nothing to cancel', () => {
    expect(cancellationSummary({ status: 'DONE', total: 0, bookingsCancelled: 0, refunded: usd(0) })).toMatchObject({ detail: 'There were no bookings to cancel.', done: 0, of: 0 });
  });

  it('counts late bookings the job also cancelled', () => {
    expect(cancellationSummary({ status: 'RUNNING', total: 1, bookingsCancelled: 2, refunded: usd(0) })).toMatchObject({ done: 2, of: 2 });
  });
});

describe('refundProblem', () => {
  it('explains a refused refund is retried', () => {
    expect(refundProblem({ status: 'RUNNING', total: 1, bookingsCancelled: 1, refunded: usd(0), lastError: 'card_declined' })).toBe('The card processor refused a refund (card_declined); it will be tried again.');
    expect(refundProblem({ status: 'DONE', total: 1, bookingsCancelled: 1, refunded: usd(0), lastError: null })).toBeNull();
  });
});
