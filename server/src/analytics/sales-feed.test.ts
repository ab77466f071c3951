import { describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import type { AvailabilityFeed } from '../events/availability-feed.ts';
import type { TierRow } from '../events/tier-row.ts';
import { createSalesFeed } from './sales-feed.ts';

/** An availability feed whose changes the test pushes; it counts the subscriptions open on it. */
function fakeAvailability() {
  const open = new Set<{ push(row: TierRow): void }>();
  const feed = {
    changes(): AsyncIterableIterator<TierRow> {
      const rows: TierRow[] = [];
      let wake: (() => void) | null = null;
      let done = false;
      const iterator: AsyncIterableIterator<TierRow> = {
        async next() {
          while (!done && rows.length === 0) await new Promise<void>((resolve) => (wake = resolve));
          return done ? { value: undefined, done: true } : { value: rows.shift()!, done: false };
        },
        async return() {
          done = true;
          open.delete(handle);
          wake?.();
          return { value: undefined, done: true };
        },
        [Symbol.asyncIterator]: () => iterator,
      };
      const handle = { push: (row: TierRow) => (rows.push(row), wake?.()) };
      open.add(handle);
      return iterator;
    },
  };
  return { feed: feed as unknown as AvailabilityFeed, open, change: () => open.forEach((handle) => handle.push({ id: 't' } as TierRow)) };
}

const concert = { id: 'c1', timeZone: 'UTC', currency: 'USD', organizerId: null };

describe('sales feed', () => {
  it('gives every subscriber of a concert the same report, from one availability subscription', async () => {
    const availability = fakeAvailability();
    const feed = createSalesFeed({} as Database, availability.feed, null, { minIntervalMs: 20 });
    const first = feed.reports(concert, 'HOUR');
    const second = feed.reports(concert, 'HOUR');
    expect(availability.open.size).toBe(1);
    availability.change();
    const [a, b] = await Promise.all([first.next(), second.next()]);
    expect(a.value).toBe(b.value);
    expect(a.value?.range).toEqual({ concertId: 'c1', from: null, to: null });

    await first.return!();
    expect(availability.open.size).toBe(1);
    await second.return!();
    expect(availability.open.size).toBe(0);
  });

  it('turns a burst of changes into one report per interval, the first at once', async () => {
    const availability = fakeAvailability();
    const feed = createSalesFeed({} as Database, availability.feed, null, { minIntervalMs: 1_000 });
    const reports = feed.reports(concert, 'DAY');
    const started = Date.now();
    availability.change();
    const first = await reports.next();
    // At once, not after the interval (with room for a busy machine).
    expect(Date.now() - started).toBeLessThan(500);
    for (let i = 0; i < 50; i++) availability.change();
    const second = await reports.next();
    expect(Date.now() - started).toBeGreaterThanOrEqual(995);
    expect(second.value).not.toBe(first.value);
    // Fifty changes made one report: nothing more is owed. Only a wait can show that nothing comes.
    const third = reports.next();
    const nothing = await Promise.race([third.then(() => 'report'), new Promise((resolve) => setTimeout(resolve, 400, 'quiet'))]);
    expect(nothing).toBe('quiet');
    await reports.return!();
  });
});
