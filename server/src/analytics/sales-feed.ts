import type { Database } from '../db/client.ts';
import type { AvailabilityFeed } from '../events/availability-feed.ts';
import { LatestValue } from '../events/latest-value.ts';
import type { PostgresListener } from '../events/postgres-listener.ts';
import { salesChannel } from './sales-channel.ts';
import type { SalesBucket } from './sales-figures.ts';
import { createSalesReport, type ReportedConcert, type SalesReport } from './sales-report.ts';

export interface SalesFeedOptions {
  /** Least time between two reports of one concert (and bucket); default one second. */
  minIntervalMs?: number;
}

interface Topic {
  subscribers: Set<LatestValue<SalesReport>>;
  stop(): void;
}

/**
 * Live sales figures for organizers, driven by the availability feed: every booking, hold, release
 * or cancellation already NOTIFYs its tiers, so this adds nothing to the booking path. A paid hold
 * moves no availability, so payments announce themselves on the concert's sales channel. Per process
 * and (concert, bucket), one topic follows the concert's availability and, at most once per
 * `minIntervalMs`, hands one fresh report to all its subscribers; the report runs each query once
 * however many subscribers resolve it (sales-report.ts). Figures do not depend on who asks (every
 * organizer sees the same), so sharing is sound.
 */
export function createSalesFeed(db: Database, availability: AvailabilityFeed, listener: Pick<PostgresListener, 'observe'> | null, options: SalesFeedOptions = {}) {
  const minIntervalMs = options.minIntervalMs ?? 1_000;
  const topics = new Map<string, Topic>();

  function openTopic(key: string, concert: ReportedConcert, bucket: SalesBucket): Topic {
    const subscribers = new Set<LatestValue<SalesReport>>();
    const changes = availability.changes(concert.id);
    let timer: NodeJS.Timeout | null = null;
    let lastAt = -Infinity;
    const publish = () => {
      timer = null;
      lastAt = Date.now();
      const report = createSalesReport(db, concert, { from: null, to: null }, bucket);
      for (const subscriber of subscribers) subscriber.push(report);
    };
    // The first change after a quiet second goes out at once; a burst gives one report a second.
    const schedule = () => {
      if (!timer) timer = setTimeout(publish, Math.max(0, lastAt + minIntervalMs - Date.now()));
    };
    void (async () => {
      for await (const _tier of changes) schedule();
    })();
    // Each topic observes the concert's sales channel: two buckets of one concert share its one LISTEN.
    const stopFollowingSales = listener?.observe(salesChannel(concert.id), { notification: schedule, resync: schedule });
    return {
      subscribers,
      stop() {
        if (timer) clearTimeout(timer);
        topics.delete(key);
        void changes.return?.();
        stopFollowingSales?.();
      },
    };
  }

  /** Reports for every later change of the concert's availability, from the whole concert's bookings. */
  function reports(concert: ReportedConcert, bucket: SalesBucket): AsyncIterableIterator<SalesReport> {
    const key = `${concert.id}/${bucket}`;
    const topic = topics.get(key) ?? openTopic(key, concert, bucket);
    topics.set(key, topic);
    const subscriber = new LatestValue<SalesReport>(() => {
      topic.subscribers.delete(subscriber);
      if (topic.subscribers.size === 0) topic.stop();
    });
    topic.subscribers.add(subscriber);
    return subscriber;
  }

  return { reports };
}

export type SalesFeed = ReturnType<typeof createSalesFeed>;
