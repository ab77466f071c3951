import type { ExecutionResult } from 'graphql';
import type { TierCatalogue } from '../booking/tier-catalogue.ts';
import { ALL_CONCERTS_CHANNEL, parseAvailabilityNotice } from '../events/availability-channel.ts';
import type { PostgresListener } from '../events/postgres-listener.ts';

export interface CatalogueResultsOptions {
  maxEntries?: number;
  /**
   * The longest a result is answered for. Changes forget results at once; this bounds what only the
   * clock changes (a concert going on sale or starting: its salesStatus).
   */
  maxAgeMs?: number;
  /** How long a guest who made a change reads the catalogue fresh rather than from a result. */
  writerFreshMs?: number;
}

/** A result, or the promise of one still being computed (guests asking meanwhile wait for it). */
export type KeptResult = ExecutionResult | Promise<ExecutionResult>;

interface Entry {
  result: KeptResult;
  concerts: 'all' | string[];
  until: number;
}

/**
 * Results of public catalogue operations (concert pages, the catalogue list) computed for one
 * guest and answered to the next ones with the same operation and variables, so that an on-sale's
 * thousands of page loads cost one execution and one read per change instead of one each.
 *
 * Kept fresh by the notices that already keep the rest fresh: every availability change (the
 * all-concerts channel, observed beside the availability feed) forgets the results of its concert
 * and of the lists, every catalogue change does the same through the tier catalogue, and a lost
 * LISTEN connection forgets everything (and nothing is cached until it is back). So another
 * instance's commit reaches these results as fast as it reaches a live page, which is what a read
 * replica offers (`DATABASE_REPLICA_URLS`). A guest who just made a change on this instance reads
 * fresh for a while: its own hold shows at once, even before the notice arrives.
 */
export class CatalogueResults {
  private readonly entries = new Map<string, Entry>();
  private readonly keysByConcert = new Map<string, Set<string>>();
  private readonly listKeys = new Set<string>();
  private readonly recentWriters = new Map<string, number>();
  private generation = 0;
  private readonly maxEntries: number;
  private readonly maxAgeMs: number;
  private readonly writerFreshMs: number;

  constructor(
    private readonly isListening: () => boolean,
    options: CatalogueResultsOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? 1_000;
    this.maxAgeMs = options.maxAgeMs ?? 1_000;
    this.writerFreshMs = options.writerFreshMs ?? 5_000;
  }

  /** Whether results may be answered now: only while changes are being heard. */
  get usable() {
    return this.isListening();
  }

  /** Bumped by every change: an execution that saw one meanwhile may have read either side of it. */
  get version() {
    return this.generation;
  }

  get(key: string): KeptResult | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until > Date.now()) return entry.result;
    this.delete(key);
    return undefined;
  }

  set(key: string, result: KeptResult, concerts: 'all' | string[]) {
    this.delete(key);
    if (this.entries.size >= this.maxEntries) this.delete(this.entries.keys().next().value!);
    this.entries.set(key, { result, concerts, until: Date.now() + this.maxAgeMs });
    if (concerts === 'all') this.listKeys.add(key);
    else {
      for (const concertId of concerts) {
        let keys = this.keysByConcert.get(concertId);
        if (!keys) this.keysByConcert.set(concertId, (keys = new Set()));
        keys.add(key);
      }
    }
  }

  delete(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    if (entry.concerts === 'all') this.listKeys.delete(key);
    else for (const concertId of entry.concerts) this.keysByConcert.get(concertId)?.delete(key);
  }

  /** A concert changed: its pages and every list are computed again when next asked for. */
  forgetConcert(concertId: string) {
    this.generation += 1;
    for (const key of this.keysByConcert.get(concertId) ?? []) this.delete(key);
    this.keysByConcert.delete(concertId);
    for (const key of this.listKeys) this.delete(key);
  }

  forgetAll() {
    this.generation += 1;
    this.entries.clear();
    this.keysByConcert.clear();
    this.listKeys.clear();
  }

  wrote(client: string) {
    if (this.recentWriters.size >= this.maxEntries * 10) this.recentWriters.clear();
    this.recentWriters.set(client, Date.now() + this.writerFreshMs);
  }

  wroteRecently(client: string) {
    const until = this.recentWriters.get(client);
    if (until === undefined) return false;
    if (until > Date.now()) return true;
    this.recentWriters.delete(client);
    return false;
  }
}

/** Results forgotten on every change this process hears of, from the listener and the tier catalogue. */
export function createCatalogueResults(listener: PostgresListener, tierCatalogue: TierCatalogue, options?: CatalogueResultsOptions) {
  const results = new CatalogueResults(() => listener.connected, options);
  const stopObserving = listener.observe(ALL_CONCERTS_CHANNEL, {
    notification: (payload) => {
      const notice = parseAvailabilityNotice(payload);
      if (notice) results.forgetConcert(notice.concertId);
      else results.forgetAll();
    },
    resync: () => results.forgetAll(),
  });
  const stopWatching = tierCatalogue.onChange((concertId) => (concertId === null ? results.forgetAll() : results.forgetConcert(concertId)));
  return {
    results,
    stop() {
      stopObserving();
      stopWatching();
    },
  };
}
