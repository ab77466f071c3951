import { asc, eq, inArray } from 'drizzle-orm';
import { createPubSub } from 'graphql-yoga';
import type { Database } from '../db/client.ts';
import { ticketTiers } from '../db/schema.ts';
import { ALL_CONCERTS_CHANNEL, concertChannel, parseAvailabilityNotice } from './availability-channel.ts';
import { LatestTierQueue } from './latest-tier-queue.ts';
import { createPostgresEventTarget, RESYNC } from './postgres-event-target.ts';
import type { PostgresListener } from './postgres-listener.ts';

export type TierRow = typeof ticketTiers.$inferSelect;
const RETRY_AFTER_FAILURE_MS = 1_000;

export interface AvailabilityFeedOptions {
  /**
   * Least time between two deliveries to one topic's subscribers. The first change after a quiet
   * spell goes out at once; during an on-sale, when a tier changes hundreds of times a second, its
   * subscribers get its latest availability at most this often instead of every step.
   */
  minFlushIntervalMs?: number;
}

/**
 * Turns NOTIFYs into current tier rows for subscribers. Per process and topic (one concert, or all
 * of them) a hub listens once, merges the tier ids that changed, reads their rows in one query and
 * hands the same row objects to every subscriber, however many there are. Reads are made one after
 * another, so nobody sees an older availability after a newer one.
 */
export function createAvailabilityFeed(db: Database, listener: PostgresListener, options: AvailabilityFeedOptions = {}) {
  const pubsub = createPubSub<Record<string, [detail: unknown]>>({ eventTarget: createPostgresEventTarget(listener) });
  const minFlushIntervalMs = options.minFlushIntervalMs ?? 100;
  const hubs = new Map<string, ReturnType<typeof createHub>>();
  let open = 0;

  const tiersOf = (concertId: string | null) =>
    db
      .select()
      .from(ticketTiers)
      .where(concertId ? eq(ticketTiers.concertId, concertId) : undefined)
      .orderBy(asc(ticketTiers.concertId), asc(ticketTiers.position));

  function createHub(concertId: string | null) {
    const channel = concertId ? concertChannel(concertId) : ALL_CONCERTS_CHANNEL;
    const subscribers = new Set<LatestTierQueue>();
    const events = pubsub.subscribe(channel);
    const changedTierIds = new Set<string>();
    let resync = false;
    let flushing = false;
    let timer: NodeJS.Timeout | null = null;
    let lastFlushAt = 0;

    const schedule = () => {
      if (flushing || timer) return;
      timer = setTimeout(flush, Math.max(0, lastFlushAt + minFlushIntervalMs - Date.now()));
    };

    async function flush() {
      timer = null;
      if (subscribers.size === 0 || (!resync && changedTierIds.size === 0)) return;
      flushing = true;
      lastFlushAt = Date.now();
      const ids = [...changedTierIds];
      const everything = resync;
      changedTierIds.clear();
      resync = false;
      try {
        const rows = everything ? await tiersOf(concertId) : await db.select().from(ticketTiers).where(inArray(ticketTiers.id, ids));
        for (const subscriber of subscribers) subscriber.push(rows);
      } catch {
        // The database did not answer: keep what is owed and try again after a pause.
        for (const id of ids) changedTierIds.add(id);
        resync ||= everything;
        lastFlushAt = Date.now() + RETRY_AFTER_FAILURE_MS;
      } finally {
        flushing = false;
        if (resync || changedTierIds.size > 0) schedule();
      }
    }

    void (async () => {
      for await (const detail of events) {
        if (detail === RESYNC) resync = true;
        else for (const id of parseAvailabilityNotice(String(detail))?.tierIds ?? []) changedTierIds.add(id);
        schedule();
      }
    })();

    return {
      join() {
        const queue: LatestTierQueue = new LatestTierQueue(() => {
          open -= 1;
          subscribers.delete(queue);
          if (subscribers.size > 0) return;
          // The last subscriber left: stop listening to this topic (UNLISTEN) and forget the hub.
          hubs.delete(channel);
          if (timer) clearTimeout(timer);
          void events.return?.();
        });
        open += 1;
        subscribers.add(queue);
        return queue;
      },
    };
  }

  /** Every later change of a concert's tiers, or of all tiers without a concertId. */
  function changes(concertId?: string): AsyncIterableIterator<TierRow> {
    const key = concertId ? concertChannel(concertId) : ALL_CONCERTS_CHANNEL;
    let hub = hubs.get(key);
    if (!hub) hubs.set(key, (hub = createHub(concertId ?? null)));
    return hub.join();
  }

  /** Current availability of one concert's tiers, read from the primary. */
  const currentTiers = (concertId: string) => tiersOf(concertId);

  return {
    changes,
    currentTiers,
    /** Subscribers being fed now, over any transport; for metrics. */
    get openSubscriptions() {
      return open;
    },
  };
}

export type AvailabilityFeed = ReturnType<typeof createAvailabilityFeed>;
