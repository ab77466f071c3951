import { describe, expect, it, vi } from 'vitest';
import type { TierRow } from './tier-row.ts';
import { LatestTierQueue } from './latest-tier-queue.ts';

const row = (id: string, available: number) => ({ id, available }) as TierRow;

describe('LatestTierQueue', () => {
  it('keeps only the newest row of each tier for a subscriber that has fallen behind', async () => {
    const queue = new LatestTierQueue(() => {});
    queue.push([row('a', 10), row('b', 5)]);
    queue.push([row('a', 9)]);
    queue.push([row('a', 8)]);
    expect((await queue.next()).value).toEqual(row('b', 5));
    expect((await queue.next()).value).toEqual(row('a', 8));
  });

  it('hands a row to a subscriber already waiting', async () => {
    const queue = new LatestTierQueue(() => {});
    const next = queue.next();
    queue.push([row('a', 3)]);
    expect(await next).toEqual({ done: false, value: row('a', 3) });
  });

  it('ends at once on return(), even while waiting, and reports the close once', async () => {
    const onClose = vi.fn();
    const queue = new LatestTierQueue(onClose);
    const waiting = queue.next();
    await queue.return();
    expect(await waiting).toEqual({ done: true, value: undefined });
    queue.push([row('a', 1)]);
    expect(await queue.next()).toEqual({ done: true, value: undefined });
    await queue.return();
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('calls its listener instead of resolving a promise, and take() hands over the newest rows in order', () => {
    const queue = new LatestTierQueue(() => {});
    const listener = vi.fn();
    queue.setListener(listener);
    queue.push([row('a', 10), row('b', 5)]);
    queue.push([row('a', 9)]);
    expect(listener).toHaveBeenCalledTimes(2);
    expect([queue.take(), queue.take(), queue.take()]).toEqual([row('b', 5), row('a', 9), undefined]);
    queue.close();
    expect(listener).toHaveBeenCalledTimes(3);
    expect(queue.closed).toBe(true);
  });
});
