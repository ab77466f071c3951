import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of one app instance, on a registry of its own (tests and benchmarks run
 * several apps in one process). The booking path only increments a counter and observes a
 * histogram; everything read from other objects (pool, coalescer, sockets) is read at scrape time.
 */
export function createMetrics({ processMetrics = true }: { processMetrics?: boolean } = {}) {
  const registry = new Registry();
  if (processMetrics) collectDefaultMetrics({ register: registry });

  const bookings = new Counter({
    name: 'bookings_total',
    help: 'bookTickets results by result type (BookTicketsSuccess, SoldOutError, …; UnexpectedError for top-level errors)',
    labelNames: ['result'],
    registers: [registry],
  });
  const bookingSeconds = new Histogram({
    name: 'booking_duration_seconds',
    help: 'bookTickets resolver time, from validation to the committed (or refused) booking',
    labelNames: ['result'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const batchSize = new Histogram({
    name: 'booking_batch_size',
    help: 'Bookings written per coalesced transaction',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
    registers: [registry],
  });

  const fanoutSeconds = new Histogram({
    name: 'availability_fanout_seconds',
    help: 'From the NOTIFY of an availability change to the end of the loop that handed it to every subscriber of its topic in this process (WebSocket subscribers: written to their sockets)',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });

  const tickSeconds = new Histogram({
    name: 'waiting_room_tick_seconds',
    help: 'Waiting-room ticks of this instance that worked on at least one room: wall time of the tick transaction (draw, placing, admission, NOTIFY)',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const admitted = new Counter({ name: 'waiting_room_admitted_total', help: 'Shoppers admitted by this instance\'s ticks', registers: [registry] });
  const catalogueResults = new Counter({
    name: 'catalogue_results_total',
    help: "Guests' public catalogue queries: answered from a kept result (hit) or executed and kept (miss)",
    labelNames: ['outcome'],
    registers: [registry],
  });

  /** A gauge whose value is read from elsewhere when Prometheus scrapes. */
  function sampled(name: string, help: string, read: () => number) {
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  }

  return {
    registry,
    sampled,
    observeBooking(result: string, seconds: number) {
      bookings.inc({ result });
      bookingSeconds.observe({ result }, seconds);
    },
    observeBatch(size: number) {
      batchSize.observe(size);
    },
    observeFanout(seconds: number) {
      fanoutSeconds.observe(seconds);
    },
    countCatalogueResult(outcome: 'hit' | 'miss') {
      catalogueResults.inc({ outcome });
    },
    observeTick(seconds: number, admittedNow: number) {
      tickSeconds.observe(seconds);
      admitted.inc(admittedNow);
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
