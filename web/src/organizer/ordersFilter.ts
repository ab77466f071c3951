// The orders table's filters as the organizer sets them, and the `orders` variables they mean.
// Dates are whole days on the organizer's own calendar: "from" its first instant, "to" inclusive.

export type OrderStatus = 'PENDING' | 'CONFIRMED' | 'CANCELLED' | 'EXPIRED';

export interface OrdersFilter {
  search: string;
  status: OrderStatus | '';
  /** yyyy-mm-dd from <input type="date">, or empty. */
  from: string;
  to: string;
}

export const noFilter: OrdersFilter = { search: '', status: '', from: '', to: '' };

export interface OrdersVariables {
  concertId: string;
  first: number;
  search?: string;
  status?: OrderStatus[];
  createdFrom?: string;
  createdTo?: string;
}

export const ORDERS_PAGE_SIZE = 25;

/** Local midnight of a yyyy-mm-dd day, plus some days. */
function startOfDay(day: string, plusDays = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays).toISOString();
}

export function ordersVariables(concertId: string, filter: OrdersFilter): OrdersVariables {
  const variables: OrdersVariables = { concertId, first: ORDERS_PAGE_SIZE };
  const search = filter.search.trim();
  if (search) variables.search = search;
  if (filter.status) variables.status = [filter.status];
  const createdFrom = startOfDay(filter.from);
  if (createdFrom) variables.createdFrom = createdFrom;
  // createdTo is exclusive: the day after the last one chosen.
  const createdTo = startOfDay(filter.to, 1);
  if (createdTo) variables.createdTo = createdTo;
  return variables;
}

/** A sentence for the filters' problems, or null: a range that ends before it starts finds nothing. */
export function filterProblem(filter: OrdersFilter): string | null {
  if (filter.from && filter.to && filter.to < filter.from) return 'The end date is before the start date.';
  return null;
}

export const STATUS_WORDS: Record<OrderStatus, string> = {
  PENDING: 'Held',
  CONFIRMED: 'Confirmed',
  CANCELLED: 'Cancelled',
  EXPIRED: 'Expired',
};
