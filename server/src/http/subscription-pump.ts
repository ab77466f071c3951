import type { ExecutionResult } from 'graphql';
import type { PushSource } from '../events/push-source.ts';
import type { NextWriter } from './next-message-writer.ts';

/** One execution of an event, shared by subscribers: `value` as soon as it is known. */
export interface SharedResult {
  value?: ExecutionResult;
  promise: Promise<ExecutionResult>;
  /**
   * Calls back once the promise has settled. Pothos resolves even a loaded row's columns through
   * its model loader, i.e. a promise, so every subscriber of a change waits here: one promise
   * reaction for all of them, which then writes every socket in one loop.
   */
  whenSettled(callback: () => void): void;
  /** Set if the promise rejected. */
  failure?: { error: unknown };
}

const DONE = { done: true, value: undefined } as const;

/**
 * Delivers one WebSocket subscription's events in the feed's own loop. When a change comes in, the
 * feed pushes it to every subscriber's queue; the queue calls this pump synchronously, which takes
 * the event, looks up the shared result (computed by the first subscriber, synchronously for a
 * selection without async resolvers) and writes it to the socket. A change then reaches 20,000
 * sockets in one loop, with no promise chain per subscriber.
 *
 * Semantics are those of graphql-ws reading the stream: one message at a time, in order, and no
 * next event taken while the socket has not drained (the queue meanwhile keeps only the newest row
 * per tier). A result the writer refuses (it has errors) is handed to graphql-ws through the
 * iterator, which this returns, and the pump waits until graphql-ws asks for more, i.e. has sent
 * it. graphql-ws's complete, and the socket's close, reach return(), which leaves the feed at once.
 */
export function pumpToWriter<T>(
  source: PushSource<T>,
  writer: NextWriter,
  resultOf: (event: T) => SharedResult,
): AsyncIterableIterator<ExecutionResult> {
  let closed = false;
  let pumping = false;
  /** Why no event is being taken: an execution, the socket, or graphql-ws sending a handed-over result. */
  let blockedBy: 'execution' | 'socket' | 'graphql-ws' | null = null;
  let reader: { resolve(step: IteratorResult<ExecutionResult>): void; reject(error: unknown): void } | null = null;
  let handedOver: ExecutionResult | null = null;
  let failure: { error: unknown } | null = null;

  const finish = (error?: { error: unknown }) => {
    if (closed) return;
    closed = true;
    source.setListener(null);
    void source.return?.();
    const waiting = reader;
    reader = null;
    if (error && waiting) waiting.reject(error.error);
    else if (error) failure = error;
    else waiting?.resolve(DONE);
  };

  /** False when the pump must stop: the result went to graphql-ws. */
  const deliver = (result: ExecutionResult) => {
    if (writer.write(result)) return true;
    blockedBy = 'graphql-ws';
    const waiting = reader;
    reader = null;
    if (waiting) waiting.resolve({ done: false, value: result });
    else handedOver = result;
    return false;
  };

  const pump = () => {
    // A write cannot push to the queue, but a listener must never run the loop twice at once.
    if (pumping) return;
    pumping = true;
    try {
      while (!closed && blockedBy === null) {
        if (writer.busy) {
          blockedBy = 'socket';
          writer.whenWritten(resume);
          if (blockedBy === 'socket') return;
          continue; // it had drained after all, and resume() found the loop running
        }
        const event = source.take();
        if (event === undefined) {
          if (source.closed) finish();
          return;
        }
        const shared = resultOf(event);
        if (shared.value === undefined && !shared.failure) {
          blockedBy = 'execution';
          shared.whenSettled(() => (shared.failure ? finish(shared.failure) : resumeWith(shared.value!)));
          return;
        }
        if (shared.failure) return finish(shared.failure);
        if (!deliver(shared.value!)) return;
      }
    } catch (error) {
      // This subscriber only: the feed goes on to the next one.
      finish({ error });
    } finally {
      pumping = false;
    }
  };
  const resume = () => {
    if (closed) return;
    blockedBy = null;
    pump();
  };
  const resumeWith = (result: ExecutionResult) => {
    if (closed) return;
    blockedBy = null;
    try {
      if (!deliver(result)) return;
    } catch (error) {
      return finish({ error });
    }
    pump();
  };

  source.setListener(pump);
  pump();
  return {
    next() {
      if (failure) {
        const { error } = failure;
        failure = null;
        return Promise.reject(error);
      }
      if (closed) return Promise.resolve(DONE);
      if (handedOver) {
        const value = handedOver;
        handedOver = null;
        return Promise.resolve({ done: false, value });
      }
      return new Promise((resolve, reject) => {
        reader = { resolve, reject };
        // graphql-ws asks again only once it has sent what it was handed.
        if (blockedBy === 'graphql-ws') resume();
      });
    },
    return() {
      finish();
      return Promise.resolve(DONE);
    },
    throw() {
      finish();
      return Promise.resolve(DONE);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
