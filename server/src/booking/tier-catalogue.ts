import DataLoader from 'dataloader';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { SalesWindow } from '../catalogue/sales-window.ts';
import type { Database } from '../db/client.ts';
import { concerts, ticketTiers } from '../db/schema.ts';
import { waitingRooms } from '../db/waiting-room-schema.ts';
import type { PostgresListener } from '../events/postgres-listener.ts';

/**
 * Every change an organizer makes to a concert or its tiers is announced on this channel with the
 * concert's id (catalogue/catalogue-changes.ts), so every instance's catalogue forgets it at once.
 */
export const CATALOGUE_CHANGED_CHANNEL = 'catalogue_changed';

/** What a booking needs to know about a tier (and its concert) before it is written. */
export interface TierFacts {
  id: string;
  concertId: string;
  name: string;
  priceCents: number;
  currency: string;
  /** The concert's hold time, for holdTickets. */
  holdSeconds: number;
  /** The concert's sales window: holds and bookings outside it are refused. */
  window: SalesWindow;
  published: boolean;
  maxTicketsPerOrder: number | null;
  /**
   * The concert sells through its waiting room: holds need an admission token. Turning the room on
   * or off is a catalogue change, so this is as fresh as the sales window.
   */
  waitingRoom: boolean;
}

/**
 * A per-process cache of tier facts, so that pricing a booking and checking its concert's sales
 * window cost no database round trip once a tier has been seen. Organizers change these facts
 * (price, pause, window, publishing): every change is announced on CATALOGUE_CHANGED_CHANNEL with
 * the concert's id when it commits (catalogue/catalogue-changes.ts), and every instance forgets
 * that concert's tiers then. When the LISTEN connection was lost, notices may have been missed, so
 * everything is forgotten.
 *
 * Lookups of unknown tiers made in the same tick are one query (a DataLoader without its own
 * cache), so the thousand requests that arrive for a cold tier when an on-sale opens read it once.
 * A read that was under way when a change came in answers its callers but is not cached (the
 * generation moved on), and later lookups read again. Only tiers that exist are cached. A tier
 * deleted after it was cached is caught when the booking is written (its row cannot be locked),
 * which then forgets it.
 */
export class TierCatalogue {
  private readonly loader: DataLoader<string, TierFacts | null>;
  private readonly known = new Map<string, TierFacts>();
  private readonly reading = new Map<string, Promise<TierFacts | null>>();
  private readonly tiersByConcert = new Map<string, Set<string>>();
  private readonly knownConcerts = new Set<string>();
  private generation = 0;
  private readonly changeWatchers = new Set<(concertId: string | null) => void>();

  constructor(
    private readonly db: Database,
    listener?: PostgresListener,
  ) {
    this.loader = new DataLoader((ids) => this.read(ids), { cache: false });
    listener?.subscribe(CATALOGUE_CHANGED_CHANNEL, () => ({
      notification: (concertId: string) => this.forgetConcert(concertId),
      resync: () => this.forgetEverything(),
    }));
  }

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
    const loaded = await Promise.all(missing.map((id) => this.load(id)));
    for (const facts of loaded) if (facts) found.set(facts.id, facts);
    return found;
  }

  forget(tierId: string) {
    this.generation += 1;
    this.known.delete(tierId);
    this.reading.delete(tierId);
  }

  /** A concert changed (here, or on another instance): its tiers are read again when next needed. */
  forgetConcert(concertId: string) {
    this.generation += 1;
    for (const tierId of this.tiersByConcert.get(concertId) ?? []) this.known.delete(tierId);
    this.tiersByConcert.delete(concertId);
    this.knownConcerts.delete(concertId);
    // A read under way may be of this concert's tiers: later lookups must not join it.
    this.reading.clear();
    for (const watcher of this.changeWatchers) watcher(concertId);
  }

  /** Calls `watcher` after each change applied here: the concert's id, or null when everything was forgotten. */
  onChange(watcher: (concertId: string | null) => void): () => void {
    this.changeWatchers.add(watcher);
    return () => this.changeWatchers.delete(watcher);
  }

  /**
   * Resolves once a change of `concertId` has been applied to this cache, from this instance or
   * another. Tests call it before making the change, then await it.
   */
  changed(concertId: string): Promise<void> {
    return new Promise((resolve) => {
      const watcher = (changed: string | null) => {
        if (changed !== null && changed !== concertId) return;
        this.changeWatchers.delete(watcher);
        resolve();
      };
      this.changeWatchers.add(watcher);
    });
  }

  /** Whether shoppers may know of the concert: it exists and is published. */
  async concertExists(concertId: string): Promise<boolean> {
    if (this.knownConcerts.has(concertId)) return true;
    const generation = this.generation;
    const [row] = await this.db.select({ id: concerts.id }).from(concerts).where(and(eq(concerts.id, concertId), eq(concerts.published, true)));
    if (row && generation === this.generation) this.knownConcerts.add(concertId);
    return Boolean(row);
  }

  private forgetEverything() {
    this.generation += 1;
    this.known.clear();
    this.reading.clear();
    this.tiersByConcert.clear();
    this.knownConcerts.clear();
    for (const watcher of this.changeWatchers) watcher(null);
  }

  private load(id: string): Promise<TierFacts | null> {
    const pending = this.reading.get(id);
    if (pending) return pending;
    const generation = this.generation;
    const reading = this.loader.load(id).then(
      (facts) => {
        if (this.reading.get(id) === reading) this.reading.delete(id);
        if (facts && generation === this.generation) this.remember(facts);
        return facts;
      },
      (error: unknown) => {
        if (this.reading.get(id) === reading) this.reading.delete(id);
        throw error;
      },
    );
    this.reading.set(id, reading);
    return reading;
  }

  private remember(facts: TierFacts) {
    this.known.set(facts.id, facts);
    let tiers = this.tiersByConcert.get(facts.concertId);
    if (!tiers) this.tiersByConcert.set(facts.concertId, (tiers = new Set()));
    tiers.add(facts.id);
    // A tier row exists only under an existing concert (foreign key).
    if (facts.published) this.knownConcerts.add(facts.concertId);
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
        startsAt: concerts.startsAt,
        onSaleAt: concerts.onSaleAt,
        salesPaused: concerts.salesPaused,
        cancelledAt: concerts.cancelledAt,
        published: concerts.published,
        maxTicketsPerOrder: concerts.maxTicketsPerOrder,
        waitingRoom: sql<boolean>`coalesce(${waitingRooms.enabled}, false)`,
      })
      .from(ticketTiers)
      .innerJoin(concerts, eq(concerts.id, ticketTiers.concertId))
      .leftJoin(waitingRooms, eq(waitingRooms.concertId, ticketTiers.concertId))
      .where(inArray(ticketTiers.id, [...new Set(ids)]));
    const byId = new Map(
      rows.map(({ startsAt, onSaleAt, salesPaused, cancelledAt, ...row }): [string, TierFacts] => [row.id, { ...row, window: { startsAt, onSaleAt, salesPaused, cancelledAt } }]),
    );
    return ids.map((id) => byId.get(id) ?? null);
  }
}
