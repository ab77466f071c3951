import { createSourceEventStream, execute, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface SharedSubscriptionOptions<TContext> {
  /**
   * Who a result is computed for: subscribers share an execution only when their operations and
   * viewer keys are equal. A schema where no field depends on the viewer can return one constant;
   * once fields read the session (a viewer's own bookings, personal data), return the session's
   * user id, or null to execute that subscriber's events on its own.
   */
  viewerKey: (context: TContext) => string | null;
}

/**
 * Executes a subscription event once per distinct operation and viewer instead of once per subscriber.
 *
 * The availability feed hands the same row object to every subscriber of a topic, and nearly all of
 * them send the same document (the web app's persisted one) with the same variables. Executing it
 * per subscriber made each change cost ~300 µs of CPU per subscriber, which capped fan-out at a
 * few thousand sockets; now the result is built once and only serialised per socket. Results are
 * keyed by the event object, so they are dropped with it, and by the viewer, so a field that
 * depends on who is asking is never handed to someone else.
 */
export function useSharedSubscriptionExecution<TContext>(options: SharedSubscriptionOptions<TContext>): Plugin {
  const documentIds = new WeakMap<DocumentNode, number>();
  const resultsByEvent = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();
  let nextDocumentId = 0;

  const sharingKey = (args: ExecutionArgs) => {
    const viewer = options.viewerKey(args.contextValue as TContext);
    if (viewer === null) return null;
    let documentId = documentIds.get(args.document);
    if (documentId === undefined) documentIds.set(args.document, (documentId = nextDocumentId++));
    return JSON.stringify([documentId, args.operationName ?? '', args.variableValues ?? {}, viewer]);
  };

  const executeShared = (args: ExecutionArgs, key: string | null, event: unknown): Promise<ExecutionResult> => {
    const run = () => Promise.resolve(execute({ ...args, rootValue: event }));
    if (key === null || event === null || typeof event !== 'object') return run();
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
        const key = sharingKey(args);
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
