import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { concerts, ticketTiers } from './schema.ts';

// Fixed ids make the seed idempotent: running it again inserts nothing and never resets availability.
const demoConcerts = [
  { n: 1, name: 'Aurora Skies — World Tour', venue: 'Madison Square Garden, New York', startsAt: '2027-03-14T20:00:00-04:00', timeZone: 'America/New_York' },
  { n: 2, name: 'The Midnight Owls', venue: 'Hollywood Bowl, Los Angeles', startsAt: '2027-04-02T19:30:00-07:00', timeZone: 'America/Los_Angeles' },
  { n: 3, name: 'Neon Harbor Live', venue: 'Red Rocks Amphitheatre, Morrison', startsAt: '2027-05-21T19:00:00-06:00', timeZone: 'America/Denver' },
  { n: 4, name: 'Glass Orchestra: Reimagined', venue: 'Symphony Hall, Boston', startsAt: '2027-06-05T20:00:00-04:00', timeZone: 'America/New_York' },
  { n: 5, name: 'Velvet Static', venue: 'The Fillmore, San Francisco', startsAt: '2027-07-11T21:00:00-07:00', timeZone: 'America/Los_Angeles' },
  { n: 6, name: 'Desert Bloom Festival Night', venue: 'Chase Center, San Francisco', startsAt: '2027-08-29T18:00:00-07:00', timeZone: 'America/Los_Angeles' },
];

const demoTiers = [
  { n: 1, name: 'VIP', priceCents: 10_000, capacity: 100 },
  { n: 2, name: 'Front Row', priceCents: 5_000, capacity: 250 },
  { n: 3, name: 'General Admission', priceCents: 1_000, capacity: 2_000 },
];

const demoId = (kind: number, concert: number, tier = 0) =>
  `00000000-0000-4000-8${kind}00-${String(concert).padStart(6, '0')}${String(tier).padStart(6, '0')}`;

/**
 * The demo concerts and their tiers, owned by `organizerId` (the demo organizer; null: by nobody).
 * A demo concert owned by nobody, e.g. seeded before concerts had owners, is given to it; one that
 * already has an owner keeps it.
 */
export async function seedDemoCatalogue(db: Database, organizerId: string | null = null) {
  const concertRows = demoConcerts.map((c) => ({
    id: demoId(0, c.n),
    organizerId,
    name: c.name,
    venue: c.venue,
    startsAt: new Date(c.startsAt),
    timeZone: c.timeZone,
  }));
  const tierRows = demoConcerts.flatMap((c) =>
    demoTiers.map((t) => ({
      id: demoId(1, c.n, t.n),
      concertId: demoId(0, c.n),
      name: t.name,
      priceCents: t.priceCents,
      currency: 'USD',
      capacity: t.capacity,
      available: t.capacity,
      position: t.n,
    })),
  );
  await db.transaction(async (tx) => {
    // Catalogue facts of the demo concerts may be corrected; their tiers' availability never is.
    await tx
      .insert(concerts)
      .values(concertRows)
      .onConflictDoUpdate({ target: concerts.id, set: { timeZone: sql`excluded.time_zone`, organizerId: sql`coalesce(${concerts.organizerId}, excluded.organizer_id)` } });
    await tx.insert(ticketTiers).values(tierRows).onConflictDoNothing();
  });
  const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(concerts);
  return { concerts: count };
}
