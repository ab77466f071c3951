import type { Database } from '../db/client.ts';
import { ALL_CONCERTS_CHANNEL, concertChannel, parseAvailabilityNotice } from './availability-channel.ts';
import { LatestTierQueue } from './latest-tier-queue.ts';
import type { ChannelSubscriber, PostgresListener } from './postgres-listener.ts';
import { readTiersFrom, type TierReads } from './tier-reads.ts';
import type { TierRow } from './tier-row.ts';

export interface AvailabilityFeedOptions {
  /**
   * Least time between two deliveries to one topic's subscribers. The first change after a quiet
   * spell goes out at once; during an on-sale, when a tier changes hundreds of times a second, its
   * subscribers get its latest availability at most this often instead of every step.
   */
  minFlushIntervalMs?: number;
  /** Pause before reading again after a read failed (the database did not answer). */
  retryAfterFailureMs?: number;
  /** Default: from `db`. */
  reads?: TierReads;
  /**
   * After each delivery: seconds from the first NOTIFY it answers until the loop that handed the rows
   * to every subscriber of the topic, and the promise reactions it queued, are done (WebSocket
   * subscribers are written to there, see http/subscription-pump.ts; a selection that needs a
   * database read is written later), i.e. the server's own part of a change's latency; for metrics.
   */
  onDelivered?: (seconds: number, subscribers: number) => void;
}

/** The per-topic subscriber of a channel: what the listener calls and what queues join. */
interface Hub extends ChannelSubscriber {
  readonly size: number;
  join(): LatestTierQueue;
}

const channelOf = (concertId: string | null) => (concertId ? concertChannel(concertId) : ALL_CONCERTS_CHANNEL);

/**
 * Turns NOTIFYs into current tier rows for subscribers. Per process and topic (one concert, or all
 * of them) a hub is the listener's subscriber of the topic's channel: it merges the tier ids that
 * changed, reads their rows in one query and hands the same row objects to every subscriber's
 * queue, however many there are. Reads are made one after another, so nobody sees an older
 * availability after a newer one. After a reconnect the listener asks for a resync, and the hub
 * re-reads every tier of its topic.
 */
export function createAvailabilityFeed(db: Database, listener: PostgresListener, options: AvailabilityFeedOptions = {}) {
  const reads = options.reads ?? readTiersFrom(db);
  const minFlushIntervalMs = options.minFlushIntervalMs ?? 100;
  const retryAfterFailureMs = options.retryAfterFailureMs ?? 1_000;
  /** Woken whenever a queue joins a hub; see listening(). */
  const joinWatchers = new Set<() => void>();
  let open = 0;

  function createHub(concertId: string | null): Hub {
    const channel = channelOf(concertId);
    const subscribers = new Set<LatestTierQueue>();
    const changedTierIds = new Set<string>();
    let everything = false;
    /** When the first NOTIFY not yet delivered arrived (performance.now()). */
    let owedSince = 0;
    let flushing = false;
    let timer: NodeJS.Timeout | null = null;
    let lastFlushAt = 0;

    const schedule = () => {
      if (flushing || timer) return;
      timer = setTimeout(flush, Math.max(0, lastFlushAt + minFlushIntervalMs - Date.now()));
    };

    async function flush() {
      timer = null;
      if (subscribers.size === 0 || (!everything && changedTierIds.size === 0)) return;
      flushing = true;
      lastFlushAt = Date.now();
      const ids = [...changedTierIds];
      const all = everything;
      const since = owedSince;
      owedSince = 0;
      changedTierIds.clear();
      everything = false;
      try {
        const rows = all ? await reads.all(concertId) : await reads.changed(ids);
        for (const subscriber of subscribers) subscriber.push(rows);
        // After the promise reactions the loop queued: a shared execution that settled without I/O
        // writes its subscribers' sockets in them (see subscription-pump.ts).
        if (since && options.onDelivered) {
          const count = subscribers.size;
          setImmediate(() => options.onDelivered!((performance.now() - since) / 1000, count));
        }
      } catch {
        // The database did not answer: keep what is owed and try again after a pause.
        for (const id of ids) changedTierIds.add(id);
        everything ||= all;
        owedSince = owedSince ? Math.min(owedSince, since) : since;
        lastFlushAt = Date.now() + retryAfterFailureMs;
      } finally {
        flushing = false;
        if (everything || changedTierIds.size > 0) schedule();
      }
    }

    const hub: Hub = {
      get size() {
        return subscribers.size;
      },
      notification(payload) {
        owedSince ||= performance.now();
        for (const id of parseAvailabilityNotice(payload)?.tierIds ?? []) changedTierIds.add(id);
        schedule();
      },
      resync() {
        owedSince ||= performance.now();
        everything = true;
        schedule();
      },
      join() {
        const queue: LatestTierQueue = new LatestTierQueue(() => {
          open -= 1;
          subscribers.delete(queue);
          if (subscribers.size > 0) return;
          // The last subscriber left: UNLISTEN, and the listener forgets this hub.
          if (timer) clearTimeout(timer);
          listener.unsubscribe(channel, hub);
        });
        open += 1;
        subscribers.add(queue);
        for (const wake of joinWatchers) wake();
        return queue;
      },
    };
    return hub;
  }

  /** Every later change of a concert's tiers, or of all tiers without a concertId. */
  function changes(concertId?: string): AsyncIterableIterator<TierRow> {
    return listener.subscribe(channelOf(concertId ?? null), () => createHub(concertId ?? null)).join();
  }

  /**
   * Resolves once a topic has at least `subscribers` subscribers and its LISTEN is in effect, so
   * that a change committed from now on reaches them. Tests await it after subscribing over
   * graphql-ws, where no protocol message says that a subscription has started.
   */
  async function listening(concertId?: string, subscribers = 1) {
    const channel = channelOf(concertId ?? null);
    while ((listener.subscriberOf<Hub>(channel)?.size ?? 0) < subscribers) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          joinWatchers.delete(wake);
          resolve();
        };
        joinWatchers.add(wake);
      });
    }
    await listener.listening(channel);
  }

  return {
    changes,
    listening,
    /** Current availability of one concert's tiers, read from the primary. */
    currentTiers: (concertId: string) => reads.all(concertId),
    /** Subscribers being fed now, over any transport; for metrics. */
    get openSubscriptions() {
      return open;
    },
  };
}

export type AvailabilityFeed = ReturnType<typeof createAvailabilityFeed>;
