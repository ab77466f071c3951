import { formatMoney } from '../lib/format';
import { couldNotTell, type UnknownCause } from '../booking/shopperMessages';

// Every sentence a shopper reads about paying. The server's codes ("card_declined",
// "PAYMENT_IN_PROGRESS") are mapped here and never shown as they are.

export type PaymentNotice =
  | { kind: 'declined'; declineCode: string }
  | { kind: 'paidTooLate'; refundedCents: number; currency: string }
  | { kind: 'notPayable'; reason: string }
  | { kind: 'invalid'; field: string | null }
  | { kind: 'outdated' };

const stillHeld = 'Your tickets are still held: try another card.';

export function describeNotice(notice: PaymentNotice): string {
  switch (notice.kind) {
    case 'declined':
      if (notice.declineCode === 'insufficient_funds') return `Your card was declined for insufficient funds. ${stillHeld}`;
      // Settled by the server: an attempt that never reached the card processor.
      if (notice.declineCode === 'not_charged') return `Your payment never reached the card processor, so nothing was charged. ${stillHeld}`;
      return `Your card was declined. ${stillHeld}`;
    case 'paidTooLate':
      return `Your payment went through after your hold had ended, and the tickets had been sold meanwhile. We refunded ${formatMoney({ cents: notice.refundedCents, currency: notice.currency })} to your card in full.`;
    case 'notPayable':
      return (
        {
          PAID: 'This booking is already paid. Nothing more was charged.',
          CONFIRMED: 'This booking is already paid. Nothing more was charged.',
          PAYMENT_IN_PROGRESS: 'A payment for this booking is already under way. Nothing more was charged.',
          EXPIRED: 'Your hold ended before the payment was made, so nothing was charged.',
          CANCELLED: 'These tickets were given up, so nothing was charged.',
        }[notice.reason] ?? 'This booking cannot be paid any more. Nothing was charged.'
      );
    case 'invalid':
      return 'The card details were not accepted. Check them and try again; nothing was charged.';
    case 'outdated':
      return 'This page is out of date, so nothing was charged. Reload the page and pay again.';
  }
}

export const paymentWords = {
  unknownOutcome: (cause: UnknownCause) =>
    `${couldNotTell(cause)}, so we don’t know yet whether your payment went through. Trying again is safe: you will not be charged twice.`,
  processing: 'Your bank is confirming the payment. This page updates by itself; you will not be charged twice.',
  unknown: 'The card processor did not answer in time. We are asking it what happened; you will not be charged twice.',
  settledDeclined: 'Your bank declined the payment, so nothing was charged. Your tickets are still held: try another card.',
  expired: 'Your hold has ended and the tickets are back on sale. Nothing was charged.',
  expiredRefunded: (amount: string) => `Your hold ended before your payment went through, and the tickets were sold meanwhile. ${amount} was refunded to your card in full.`,
};
