import { createSourceEventStream, execute, type DocumentNode, type ExecutionArgs } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { isPushSource } from '../events/push-source.ts';
import { nextWriterOf } from './next-message-writer.ts';
import { pumpToWriter, type SharedResult } from './subscription-pump.ts';

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
 * few thousand sockets; now the result is built once. Results are keyed by the event object, so
 * they are dropped with it, and by the viewer, so a field that depends on who is asking is never
 * handed to someone else. A graphql-ws subscription (its context carries a NextWriter) whose events
 * come from a PushSource is written to its socket by subscription-pump.ts, in the feed's loop.
 */
export function useSharedSubscriptionExecution<TContext>(options: SharedSubscriptionOptions<TContext>): Plugin {
  const documentIds = new WeakMap<DocumentNode, number>();
  const resultsByEvent = new WeakMap<object, Map<string, SharedResult>>();
  let nextDocumentId = 0;

  const sharingKey = (args: ExecutionArgs) => {
    const viewer = options.viewerKey(args.contextValue as TContext);
    if (viewer === null) return null;
    let documentId = documentIds.get(args.document);
    if (documentId === undefined) documentIds.set(args.document, (documentId = nextDocumentId++));
    return JSON.stringify([documentId, args.operationName ?? '', args.variableValues ?? {}, viewer]);
  };

  const executeShared = (args: ExecutionArgs, key: string | null, event: unknown): SharedResult => {
    const run = () => executeOnce({ ...args, rootValue: event });
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
        const writer = nextWriterOf(args.contextValue);
        if (writer && isPushSource(stream)) return pumpToWriter(stream, writer, (event) => executeShared(args, key, event));
        return mapEvents(stream, (event) => executeShared(args, key, event).promise);
      }) as never);
    },
  };
}

/** The result as soon as graphql-js has it: a selection without async resolvers completes synchronously. */
function executeOnce(args: ExecutionArgs): SharedResult {
  let executed: ReturnType<typeof execute>;
  try {
    executed = execute(args);
  } catch (error) {
    executed = Promise.reject(error);
  }
  if (!isPromiseLike(executed)) {
    const value = executed;
    return { value, promise: Promise.resolve(value), whenSettled: (callback) => callback() };
  }
  let waiting: (() => void)[] | null = [];
  const settle = () => {
    const callbacks = waiting!;
    waiting = null;
    // One subscriber's failure must not keep the change from the rest (the pump catches its own).
    for (const callback of callbacks) callback();
  };
  const shared: SharedResult = {
    promise: Promise.resolve(executed),
    whenSettled: (callback) => (waiting ? waiting.push(callback) : callback()),
  };
  shared.promise.then(
    (value) => {
      shared.value = value;
      settle();
    },
    (error: unknown) => {
      shared.failure = { error };
      settle();
    },
  );
  return shared;
}

function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as PromiseLike<T>)?.then === 'function';
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
