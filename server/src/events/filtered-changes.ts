/**
 * The changes of `source` that `keep` accepts, in order. Unsubscribing reaches `source` at once,
 * even while a next() is waiting for a change: an async generator would queue its return() behind
 * that next() and keep the subscription (and its LISTEN) alive until the next change came.
 */
export function filteredChanges<T>(source: AsyncIterableIterator<T>, keep: (change: T) => boolean | Promise<boolean>): AsyncIterableIterator<T> {
  const filtered: AsyncIterableIterator<T> = {
    async next() {
      for (;;) {
        const step = await source.next();
        if (step.done || (await keep(step.value))) return step;
      }
    },
    return(value?: unknown) {
      return source.return ? source.return(value) : Promise.resolve({ done: true, value: undefined });
    },
    throw(error?: unknown) {
      return source.throw ? source.throw(error) : Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return filtered;
    },
  };
  return filtered;
}
