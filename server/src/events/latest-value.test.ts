import { describe, expect, it, vi } from 'vitest';
import { LatestValue } from './latest-value.ts';

describe('LatestValue', () => {
  it('gives a slow reader only the newest value, and a waiting reader the next one', async () => {
    const queue = new LatestValue<{ n: number }>(() => {});
    queue.push({ n: 1 });
    queue.push({ n: 2 });
    expect(await queue.next()).toEqual({ value: { n: 2 }, done: false });
    const waiting = queue.next();
    queue.push({ n: 3 });
    expect(await waiting).toEqual({ value: { n: 3 }, done: false });
    expect(queue.take()).toBeUndefined();
  });

  it('calls its listener on every push and on close; leaves pushed values for take()', () => {
    const queue = new LatestValue<{ n: number }>(() => {});
    const listener = vi.fn();
    queue.setListener(listener);
    queue.push({ n: 1 });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(queue.take()).toEqual({ n: 1 });
    void queue.return();
    expect(listener).toHaveBeenCalledTimes(2);
    expect(queue.closed).toBe(true);
  });

  it('closes once: a waiting reader is told it is done, onClose runs once, later pushes are dropped', async () => {
    const onClose = vi.fn();
    const queue = new LatestValue<{ n: number }>(onClose);
    const waiting = queue.next();
    await queue.return();
    await queue.return();
    queue.push({ n: 1 });
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(await queue.next()).toEqual({ value: undefined, done: true });
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(queue.take()).toBeUndefined();
  });
});
