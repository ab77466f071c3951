// Where a shopper stands in a concert's line, worked out in the browser from two small things:
// their own ticket (read once) and the room's shared status (pushed about once a second to every
// waiter alike). The server never computes a position per waiter.

export interface TicketLike {
  place: number | null;
  status: 'WAITING' | 'ADMITTED' | 'USED' | 'EXPIRED';
}

export interface StatusLike {
  enabled: boolean;
  drawn: boolean;
  admittedThrough: number;
  admissionsPerMinute: number;
  shopping: number;
  maxShopping: number;
  drawsAt?: string | null;
}

export type QueueStanding =
  /** The room was turned off: shop directly. */
  | { kind: 'off' }
  /** Joined before the on-sale time: places are drawn at random at drawsAt. */
  | { kind: 'beforeDraw'; drawsAt: string | null }
  /** Drawn, but this shopper's place comes with the next tick. */
  | { kind: 'placing' }
  | { kind: 'waiting'; place: number; position: number; waitMinutes: number; progress: number; paused: boolean }
  /** The line reached this place (or the ticket says so): fetch the ticket for the token. */
  | { kind: 'admitted' }
  | { kind: 'used' }
  | { kind: 'expired' };

export function standingOf(ticket: TicketLike | null | undefined, status: StatusLike | null | undefined): QueueStanding {
  if (ticket?.status === 'ADMITTED') return { kind: 'admitted' };
  if (ticket?.status === 'USED') return { kind: 'used' };
  if (ticket?.status === 'EXPIRED') return { kind: 'expired' };
  if (status && !status.enabled) return { kind: 'off' };
  if (!status?.drawn) return { kind: 'beforeDraw', drawsAt: status?.drawsAt ?? null };
  if (ticket?.place == null) return { kind: 'placing' };
  const position = ticket.place - status.admittedThrough;
  if (position <= 0) return { kind: 'admitted' };
  return {
    kind: 'waiting',
    place: ticket.place,
    position,
    waitMinutes: estimateWaitMinutes(position, status.admissionsPerMinute),
    progress: progressOf(ticket.place, status.admittedThrough),
    paused: status.shopping >= status.maxShopping,
  };
}

/** position / rate, rounded up to whole minutes (at least 1): an estimate, never a promise. */
export function estimateWaitMinutes(position: number, admissionsPerMinute: number): number {
  if (admissionsPerMinute <= 0) return Number.POSITIVE_INFINITY;
  return Math.max(1, Math.ceil(position / admissionsPerMinute));
}

/** Share of the line ahead of this place already admitted, 0–100 (whole percent). */
export function progressOf(place: number, admittedThrough: number): number {
  if (place <= 0) return 100;
  return Math.min(100, Math.max(0, Math.floor((admittedThrough / place) * 100)));
}

/**
 * When to read the ticket again (one indexed read): the draw happened and we have no place yet, or
 * the line reached our place and the token is waiting for us.
 */
export function needsTicketRefetch(standing: QueueStanding, ticket: TicketLike | null | undefined): boolean {
  if (standing.kind === 'placing') return true;
  return standing.kind === 'admitted' && ticket?.status === 'WAITING';
}

export function describeWait(minutes: number): string {
  if (!Number.isFinite(minutes)) return 'unknown';
  if (minutes < 2) return 'about a minute';
  if (minutes < 60) return `about ${minutes} minutes`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `about ${hours} hour${hours === 1 ? '' : 's'}${rest ? ` ${rest} minute${rest === 1 ? '' : 's'}` : ''}`;
}

/** The later tick of two statuses of one room (either may be missing). */
export function newerStatus<T extends { at: string }>(a: T | null, b: T | null): T | null {
  if (!a || !b) return a ?? b;
  return Date.parse(b.at) > Date.parse(a.at) ? b : a;
}
