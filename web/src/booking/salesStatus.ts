import type { SalesStatus } from '../gql/graphql';
import { formatDate } from '../lib/format';

// Why a concert's tickets cannot be held now, in the shopper's words; null while they can.

export type { SalesStatus };

export interface SalesNotice {
  title: string;
  detail: string;
}

export function salesNotice(concert: { salesStatus: SalesStatus; onSaleAt?: string | null; timeZone: string; cancellationReason?: string | null }): SalesNotice | null {
  switch (concert.salesStatus) {
    case 'ON_SALE':
      return null;
    case 'PAUSED':
      return { title: 'Sales paused', detail: 'The organizer has paused ticket sales for now. This page updates as soon as they reopen.' };
    case 'NOT_YET_ON_SALE':
      return {
        title: 'Not on sale yet',
        detail: concert.onSaleAt ? `Tickets go on sale ${formatDate(concert.onSaleAt, concert.timeZone)}.` : 'Tickets are not on sale yet.',
      };
    case 'SOLD_OUT':
      return { title: 'Sold out', detail: 'Every ticket is taken. Held tickets that are not paid for come back on sale, and this page shows them when they do.' };
    case 'ENDED':
      return { title: 'Sales have ended', detail: 'This concert has started.' };
    case 'CANCELLED':
      return {
        title: 'Concert cancelled',
        detail: `The organizer cancelled this concert${concert.cancellationReason ? `: ${concert.cancellationReason}` : ''}. Every booking is cancelled and paid tickets are refunded to the card they were paid with.`,
      };
  }
}
