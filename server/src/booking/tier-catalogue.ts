import DataLoader from 'dataloader';
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { concerts, ticketTiers } from '../db/schema.ts';

/** What a booking needs to know about a tier before it is written; none of it ever changes. */
export interface TierFacts {
  id: string;
  concertId: string;
  name: string;
  priceCents: number;
  currency: string;
  /** The concert's hold time, for holdTickets. */
  holdSeconds: number;
}

/**
 * A per-process cache of tier facts, so that pricing a booking costs no database round trip once a
 * tier has been seen. This is only correct because a tier's concert, name, price, currency and its concert's hold time never
 * change in this product yet: nothing updates them (only `available` changes, and that is never
 * read from here). Whoever adds price changes must call forget() when a tier changes.
 *
 * The cache is a DataLoader's: lookups of unknown tiers made in the same tick are one query, so the
 * thousand requests that arrive for a cold tier when an on-sale opens read it once. Only tiers that
 * exist stay cached; an unknown id is looked up again next time. A tier deleted after it was cached
 * is caught when the booking is written (its row cannot be locked), which then forgets it.
 */
export class TierCatalogue {
  private readonly loader: DataLoader<string, TierFacts | null>;
  private readonly knownConcerts = new Set<string>();

  constructor(private readonly db: Database) {
    this.loader = new DataLoader((ids) => this.read(ids));
  }

  /** The facts of each tier id that exists; missing ids are simply absent from the map. */
  async tiers(ids: readonly string[]): Promise<Map<string, TierFacts>> {
    const facts = await this.loader.loadMany(ids);
    const found = new Map<string, TierFacts>();
    facts.forEach((tier, index) => {
      if (tier instanceof Error) throw tier;
      if (tier) found.set(tier.id, tier);
      else this.loader.clear(ids[index]);
    });
    return found;
  }

  forget(tierId: string) {
    this.loader.clear(tierId);
  }

  async concertExists(concertId: string): Promise<boolean> {
    if (this.knownConcerts.has(concertId)) return true;
    const [row] = await this.db.select({ id: concerts.id }).from(concerts).where(eq(concerts.id, concertId));
    if (row) this.knownConcerts.add(concertId);
    return Boolean(row);
  }

  private async read(ids: readonly string[]): Promise<(TierFacts | null)[]> {
    const rows = await this.db
      .select({
        id: ticketTiers.id,
        concertId: ticketTiers.concertId,
        name: ticketTiers.name,
        priceCents: ticketTiers.priceCents,
        currency: ticketTiers.currency,
        holdSeconds: concerts.holdSeconds,
      })
      .from(ticketTiers)
      .innerJoin(concerts, eq(concerts.id, ticketTiers.concertId))
      .where(inArray(ticketTiers.id, [...ids]));
    const byId = new Map(rows.map((row) => [row.id, row]));
    // A tier row exists only under an existing concert (foreign key).
    for (const row of rows) this.knownConcerts.add(row.concertId);
    return ids.map((id) => byId.get(id) ?? null);
  }
}
