import type { ExecutionResult } from 'graphql';
import WebSocket from 'ws';

/** A result's payload as graphql-ws would write it, stringified once however many sockets it goes to. */
const payloads = new WeakMap<object, string>();

function payloadOf(result: ExecutionResult) {
  let payload = payloads.get(result);
  if (payload === undefined) payloads.set(result, (payload = JSON.stringify(result)));
  return payload;
}

/**
 * Writes a subscription's `next` messages to its socket itself instead of handing each result back
 * to graphql-ws, which stringifies `{ id, type: 'next', payload }` per subscriber and takes several
 * promise hops per message. One availability change reaches every subscriber of a concert as the
 * same result object (shared-subscription-execution.ts), so its payload is stringified once and only
 * the frame around it (`{"id":…,"type":"next","payload":…}`, graphql-ws's key order) is per socket.
 *
 * Only results without `errors` take this path (for them graphql-ws writes the result as it is); one
 * with errors, already masked, is handed back so graphql-ws formats it exactly as before. Writes stay in order because the wrapper only asks for the next result once the
 * previous one is written or handed back. As with graphql-ws, the next result is not taken while the
 * kernel has not accepted the last write, so a slow subscriber's queue keeps only the newest row of
 * each tier instead of ws buffering every message.
 */
export function writeNextMessages(
  results: AsyncIterable<ExecutionResult>,
  socket: WebSocket,
  id: string,
): AsyncIterableIterator<ExecutionResult> {
  const iterator = results[Symbol.asyncIterator]();
  const frameStart = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  let sent = 0;
  let written = 0;
  let allWritten: (() => void) | null = null;
  // One callback per subscription, not per message: it counts writes the kernel has taken.
  const onWritten = () => {
    written += 1;
    if (allWritten && written === sent) {
      allWritten();
      allWritten = null;
    }
  };

  return {
    async next() {
      for (;;) {
        const step = await iterator.next();
        if (step.done || step.value.errors != null || socket.readyState !== WebSocket.OPEN) return step;
        sent += 1;
        socket.send(frameStart + payloadOf(step.value) + '}', onWritten);
        // Nearly always the write completed synchronously; otherwise wait, as graphql-ws does.
        if (socket.bufferedAmount > 0 && written < sent) await new Promise<void>((resolve) => (allWritten = resolve));
      }
    },
    async return() {
      await iterator.return?.();
      return { done: true, value: undefined };
    },
    async throw(error: unknown) {
      if (iterator.throw) return iterator.throw(error);
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
