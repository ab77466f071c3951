import type pg from 'pg';
import type { BookingCoalescer } from '../booking/booking-coalescer.ts';
import type { AvailabilityFeed } from '../events/availability-feed.ts';
import type { PostgresListener } from '../events/postgres-listener.ts';
import type { Metrics } from './metrics.ts';

export interface RuntimeSources {
  pool: pg.Pool;
  bookingQueue: BookingCoalescer;
  availability: AvailabilityFeed;
  listener: PostgresListener;
  webSockets: () => number;
}

/** Gauges read at scrape time from the objects that already keep these counts: nothing on the hot path. */
export function watchRuntime(metrics: Metrics, sources: RuntimeSources) {
  const { pool, bookingQueue, availability, listener } = sources;
  metrics.sampled('db_pool_connections', 'Open pooled database connections (busy and idle)', () => pool.totalCount);
  metrics.sampled('db_pool_idle_connections', 'Pooled database connections not in use', () => pool.idleCount);
  metrics.sampled('db_pool_waiting_requests', 'Requests waiting for a pooled database connection', () => pool.waitingCount);
  metrics.sampled('booking_queue_pending', 'Bookings queued in the coalescer or being written', () => bookingQueue.pending);
  metrics.sampled('graphql_open_subscriptions', 'availabilityChanged subscriptions being fed', () => availability.openSubscriptions);
  metrics.sampled('websocket_connections', 'Open graphql-ws sockets', sources.webSockets);
  metrics.sampled('postgres_listen_channels', 'Channels the LISTEN connection is listening to now', () => listener.listeningChannels);
  metrics.sampled('postgres_listen_connected', '1 while the LISTEN connection that feeds subscriptions is up', () => (listener.connected ? 1 : 0));
}
