import { encodeGlobalID } from '@pothos/plugin-relay';
import { inject } from 'vitest';
import { createDatabase } from '../../../server/src/db/client.ts';
import { eq, sql } from 'drizzle-orm';
import { bookings, concerts, ticketTiers } from '../../../server/src/db/schema.ts';
import { notifyAvailabilityChanged } from '../../../server/src/events/availability-channel.ts';
import type { ApiConcert } from './api';

// Each e2e test makes its own concert, so no test depends on another's data
// or on the demo seed, and the suite passes again against the same server.
// Written through the server's own drizzle schema (as server/src/db/seed.ts does),
// faster than signing in an organizer for every test that needs a concert.

export interface NewTier {
  name: string;
  priceCents: number;
  capacity: number;
  available?: number;
}

export interface NewConcert {
  name?: string;
  venue?: string;
  startsAt?: string;
  timeZone?: string;
  /** How long a hold lasts before its tickets go back on sale (the server's default: 600). */
  holdSeconds?: number;
  tiers?: NewTier[];
  /** The organizer (by sign-in email) whose concert it is; nobody's otherwise, so no organizer manages it. */
  organizerEmail?: string;
}

// The demo catalogue's tiers, so pages look like the real thing.
export const standardTiers: NewTier[] = [
  { name: 'VIP', priceCents: 10_000, capacity: 100 },
  { name: 'Front Row', priceCents: 5_000, capacity: 250 },
  { name: 'General Admission', priceCents: 1_000, capacity: 2_000 },
];

let connection: ReturnType<typeof createDatabase> | undefined;
function database() {
  connection ??= createDatabase({ url: inject('databaseUrl'), poolSize: 2 });
  return connection.db;
}

/** Call in afterAll of a file that used this helper, so its pool does not hold the worker open. */
export async function closeDatabase() {
  await connection?.pool.end();
  connection = undefined;
}

export async function createConcert(spec: NewConcert = {}): Promise<ApiConcert> {
  const suffix = crypto.randomUUID().slice(0, 8);
  const concertId = crypto.randomUUID();
  const name = spec.name ?? `E2E concert ${suffix}`;
  const tierRows = (spec.tiers ?? standardTiers).map((tier, index) => ({
    id: crypto.randomUUID(),
    concertId,
    name: tier.name,
    priceCents: tier.priceCents,
    currency: 'USD',
    capacity: tier.capacity,
    available: tier.available ?? tier.capacity,
    position: index + 1,
  }));
  await database().transaction(async (tx) => {
    await tx.insert(concerts).values({
      id: concertId,
      name,
      venue: spec.venue ?? 'Test Hall, Springfield',
      // Far ahead, so the catalogue (ordered by date) lists test concerts after the demo ones.
      startsAt: new Date(spec.startsAt ?? '2030-01-01T20:00:00Z'),
      timeZone: spec.timeZone ?? 'UTC',
      ...(spec.holdSeconds ? { holdSeconds: spec.holdSeconds } : {}),
      ...(spec.organizerEmail ? { organizerId: sql`(SELECT id FROM users WHERE lower(email) = lower(${spec.organizerEmail}))` } : {}),
    });
    await tx.insert(ticketTiers).values(tierRows);
  });
  return {
    id: encodeGlobalID('Concert', concertId),
    name,
    tiers: tierRows.map((tier) => ({
      id: encodeGlobalID('TicketTier', tier.id),
      name: tier.name,
      available: tier.available,
      capacity: tier.capacity,
    })),
  };
}

/**
 * Sends the NOTIFY a booking of this concert would send, changing nothing: the server re-reads the
 * tiers and pushes them to the concert's subscribers. A test uses it to learn that the server is
 * listening for the concert before it makes a change it expects the page to hear about.
 */
export async function nudgeSubscribers(concert: ApiConcert) {
  const dbId = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':').slice(1).join(':');
  const notify = notifyAvailabilityChanged(new Map([[dbId(concert.id), concert.tiers.map((tier) => dbId(tier.id))]]));
  if (notify) await database().execute(notify);
}

/** Every booking made with this email, read from the database itself (not through the API's visibility rules). */
export async function bookingsWithEmail(email: string) {
  return database().select({ id: bookings.id, status: bookings.status }).from(bookings).where(eq(bookings.customerEmail, email));
}
