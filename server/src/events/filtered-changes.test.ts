import { describe, expect, it } from 'vitest';
import { filteredChanges } from './filtered-changes.ts';

/** A source that yields what is pushed into it, and records being returned. */
function pushSource<T>() {
  const queue: T[] = [];
  let wake: (() => void) | null = null;
  const source = {
    returned: false,
    push(value: T) {
      queue.push(value);
      wake?.();
    },
    async next(): Promise<IteratorResult<T>> {
      while (!queue.length && !source.returned) await new Promise<void>((resolve) => (wake = resolve));
      return source.returned ? { done: true, value: undefined } : { done: false, value: queue.shift()! };
    },
    async return(): Promise<IteratorResult<T>> {
      source.returned = true;
      wake?.();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return source;
    },
  };
  return source;
}

describe('filteredChanges', () => {
  it('passes on the changes it keeps, in order', async () => {
    const source = pushSource<number>();
    const evens = filteredChanges(source, async (n) => n % 2 === 0);
    [1, 2, 3, 4, 5, 6].forEach((n) => source.push(n));
    expect([(await evens.next()).value, (await evens.next()).value, (await evens.next()).value]).toEqual([2, 4, 6]);
  });

  it('returns its source at once, even while waiting for a change', async () => {
    const source = pushSource<number>();
    const none = filteredChanges(source, () => false);
    const waiting = none.next();
    await none.return!();
    expect(source.returned).toBe(true);
    expect(await waiting).toMatchObject({ done: true });
  });
});
