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
}

/**
 * A per-process cache of tier facts, so that pricing a booking costs no database round trip once a
 * tier has been seen. This is only correct because a tier's concert, name, price and currency never
 * change in this product yet: nothing updates them (only `available` changes, and that is never
 * read from here). Whoever adds price changes must drop this cache or invalidate it.
 *
 * Only tiers that exist are cached; a tier id that is unknown is looked up again next time. A tier
 * deleted after it was cached is caught when the booking is written: its row cannot be locked.
 */
export class TierCatalogue {
  private readonly known = new Map<string, TierFacts>();
  private readonly knownConcerts = new Set<string>();

  constructor(private readonly db: Database) {}

  /** The facts of each tier id that exists; missing ids are simply absent from the map. */
  async tiers(ids: readonly string[]): Promise<Map<string, TierFacts>> {
    const found = new Map<string, TierFacts>();
    const missing: string[] = [];
    for (const id of ids) {
      const facts = this.known.get(id);
      if (facts) found.set(id, facts);
      else missing.push(id);
    }
    if (missing.length === 0) return found;
    const rows = await this.db
      .select({
        id: ticketTiers.id,
        concertId: ticketTiers.concertId,
        name: ticketTiers.name,
        priceCents: ticketTiers.priceCents,
        currency: ticketTiers.currency,
      })
      .from(ticketTiers)
      .where(inArray(ticketTiers.id, missing));
    for (const row of rows) {
      this.known.set(row.id, row);
      // A tier row exists only under an existing concert (foreign key).
      this.knownConcerts.add(row.concertId);
      found.set(row.id, row);
    }
    return found;
  }

  async concertExists(concertId: string): Promise<boolean> {
    if (this.knownConcerts.has(concertId)) return true;
    const [row] = await this.db.select({ id: concerts.id }).from(concerts).where(eq(concerts.id, concertId));
    if (row) this.knownConcerts.add(concertId);
    return Boolean(row);
  }
}

const catalogues = new WeakMap<Database, TierCatalogue>();

/** One catalogue per database handle, i.e. per app instance, without widening bookTickets' signature. */
export function tierCatalogueFor(db: Database): TierCatalogue {
  let catalogue = catalogues.get(db);
  if (!catalogue) catalogues.set(db, (catalogue = new TierCatalogue(db)));
  return catalogue;
}
