import { createSourceEventStream, execute, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Executes a subscription event once per distinct operation instead of once per subscriber.
 *
 * The availability feed hands the same row object to every subscriber of a topic, and nearly all of
 * them send the same document (the web app's persisted one) with the same variables. Executing it
 * per subscriber made each change cost ~300 µs of CPU per subscriber, which capped fan-out at a
 * few thousand sockets; now the result is built once and only serialised per socket. Results are
 * keyed by the event object, so they are dropped with it. This is sound only because no field of
 * this schema depends on who is asking; a per-viewer field would have to opt out here.
 */
export function useSharedSubscriptionExecution(): Plugin {
  const documentIds = new WeakMap<DocumentNode, number>();
  const resultsByEvent = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();
  let nextDocumentId = 0;

  const operationKey = (args: ExecutionArgs) => {
    let documentId = documentIds.get(args.document);
    if (documentId === undefined) documentIds.set(args.document, (documentId = nextDocumentId++));
    return `${documentId}:${args.operationName ?? ''}:${JSON.stringify(args.variableValues ?? {})}`;
  };

  const executeShared = (args: ExecutionArgs, key: string, event: unknown): Promise<ExecutionResult> => {
    const run = () => Promise.resolve(execute({ ...args, rootValue: event }));
    if (event === null || typeof event !== 'object') return run();
    let results = resultsByEvent.get(event);
    if (!results) resultsByEvent.set(event, (results = new Map()));
    let result = results.get(key);
    if (!result) results.set(key, (result = run()));
    return result;
  };

  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn((async (args: ExecutionArgs) => {
        const stream = await createSourceEventStream(args);
        if (!isAsyncIterable(stream)) return stream;
        const key = operationKey(args);
        return mapEvents(stream, (event) => executeShared(args, key, event));
      }) as never);
    },
  };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as AsyncIterable<unknown>)?.[Symbol.asyncIterator] === 'function';
}

/** Like graphql-js's own mapping: return() reaches the source at once, even while a next() waits. */
function mapEvents<T, U>(source: AsyncIterable<T>, map: (event: T) => Promise<U>): AsyncIterableIterator<U> {
  const iterator = source[Symbol.asyncIterator]();
  const done = { done: true, value: undefined } as const;
  return {
    async next() {
      const result = await iterator.next();
      return result.done ? done : { done: false, value: await map(result.value) };
    },
    async return() {
      await iterator.return?.();
      return done;
    },
    async throw(error: unknown) {
      if (iterator.throw) await iterator.throw(error);
      return done;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
