import { decodeGlobalID } from '@pothos/plugin-relay';
import { BOOK_TICKETS, bookingInput } from './test-app.ts';

type Send = (query: string, variables: Record<string, unknown>) => Promise<{ body?: { data?: any; errors?: any[] }; network?: Error }>;

export interface Attempt {
  key: string;
  tierGid: string;
  quantity: number;
  outcome: 'booked' | 'soldOut' | 'unavailable' | 'error' | 'network';
  /** Database id of the booking, for `booked`. */
  bookingId?: string;
  replayed?: boolean;
  detail?: string;
  startedAt: number;
  ms: number;
}

/** Sends one booking and classifies what came back. */
export async function attemptBooking(send: Send, concertGid: string, tierGid: string, quantity: number, key: string): Promise<Attempt> {
  const startedAt = Date.now();
  const { body, network } = await send(BOOK_TICKETS, bookingInput(concertGid, [[tierGid, quantity]], { idempotencyKey: key }));
  const base = { key, tierGid, quantity, startedAt, ms: Date.now() - startedAt };
  if (network) return { ...base, outcome: 'network', detail: network.message };
  const result = body?.data?.bookTickets;
  if (result?.__typename === 'BookTicketsSuccess') {
    return { ...base, outcome: 'booked', bookingId: decodeGlobalID(result.booking.id).id, replayed: result.replayed };
  }
  if (result?.__typename === 'SoldOutError') return { ...base, outcome: 'soldOut' };
  const error = body?.errors?.[0];
  if (error?.extensions?.code === 'SERVICE_UNAVAILABLE') return { ...base, outcome: 'unavailable' };
  return { ...base, outcome: 'error', detail: JSON.stringify(body) };
}

/**
 * `workers` clients each booking 1–2 tickets of a random tier, one request after another, until
 * stopped. Every attempt is recorded with its own idempotency key, so a test can retry in-doubt ones.
 */
export function startBookingLoad(send: Send, concertGid: string, tierGids: string[], workers: number) {
  const attempts: Attempt[] = [];
  let running = true;
  const loops = Array.from({ length: workers }, async (_, worker) => {
    for (let n = 0; running; n += 1) {
      const tierGid = tierGids[(worker + n) % tierGids.length];
      const attempt = await attemptBooking(send, concertGid, tierGid, 1 + (n % 2), `load-${worker}-${n}-${crypto.randomUUID()}`);
      attempts.push(attempt);
      // Failures come back at once while the database or server is down; don't spin.
      if (attempt.outcome !== 'booked' && attempt.outcome !== 'soldOut') await new Promise((resolve) => setTimeout(resolve, 25));
    }
  });
  return {
    attempts,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

export function countBy(attempts: Attempt[]) {
  const counts: Record<string, number> = {};
  for (const attempt of attempts) counts[attempt.outcome] = (counts[attempt.outcome] ?? 0) + 1;
  return counts;
}
