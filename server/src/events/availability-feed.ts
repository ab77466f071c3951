import DataLoader from 'dataloader';
import { asc, eq, inArray } from 'drizzle-orm';
import { createPubSub } from 'graphql-yoga';
import type { Database } from '../db/client.ts';
import { ticketTiers } from '../db/schema.ts';
import { ALL_CONCERTS_CHANNEL, concertChannel, parseAvailabilityNotice } from './availability-channel.ts';
import { createPostgresEventTarget, RESYNC } from './postgres-event-target.ts';
import type { PostgresListener } from './postgres-listener.ts';

export type TierRow = typeof ticketTiers.$inferSelect;
const ALL = '*';

/**
 * Turns NOTIFYs into current tier rows for subscribers. Rows are read once per notification per
 * process, however many subscribers are listening, and delivered in the order they were read, so a
 * subscriber never sees an older availability after a newer one.
 */
export function createAvailabilityFeed(db: Database, listener: PostgresListener) {
  const pubsub = createPubSub<Record<string, [detail: unknown]>>({
    eventTarget: createPostgresEventTarget(listener),
  });

  const tiersById = serialLoader<string, TierRow | null>(async (ids) => {
    const rows = await db.select().from(ticketTiers).where(inArray(ticketTiers.id, [...ids]));
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  const tiersByConcert = serialLoader<string, TierRow[]>(async (concertIds) => {
    const everything = concertIds.includes(ALL);
    const rows = await db
      .select()
      .from(ticketTiers)
      .where(everything ? undefined : inArray(ticketTiers.concertId, [...concertIds]))
      .orderBy(asc(ticketTiers.concertId), asc(ticketTiers.position));
    return concertIds.map((concertId) => (concertId === ALL ? rows : rows.filter((row) => row.concertId === concertId)));
  });

  let open = 0;
  async function* changes(concertId?: string): AsyncGenerator<TierRow> {
    open += 1;
    try {
      const events = pubsub.subscribe(concertId ? concertChannel(concertId) : ALL_CONCERTS_CHANNEL);
      for await (const detail of events) {
        if (detail === RESYNC) {
          yield* await tiersByConcert.load(concertId ?? ALL);
          continue;
        }
        const notice = parseAvailabilityNotice(String(detail));
        if (!notice) continue;
        const rows = await tiersById.loadMany(notice.tierIds);
        for (const row of rows) if (row && !(row instanceof Error)) yield row;
      }
    } finally {
      open -= 1;
    }
  }

  /** Current availability of one concert's tiers, read from the primary. */
  const currentTiers = (concertId: string) =>
    db.select().from(ticketTiers).where(eq(ticketTiers.concertId, concertId)).orderBy(asc(ticketTiers.position));

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

/** Batches the loads of one tick into one query, and runs batches one after another. */
function serialLoader<K, V>(load: (keys: readonly K[]) => Promise<V[]>) {
  let previous: Promise<unknown> = Promise.resolve();
  return new DataLoader<K, V>(
    (keys) => {
      const run = previous.then(() => load(keys));
      previous = run.catch(() => {});
      return run;
    },
    { cache: false },
  );
}
