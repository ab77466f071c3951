import type { ExecutionResult } from 'graphql';
import WebSocket from 'ws';

/** A result's payload as graphql-ws would write it, stringified once however many sockets it goes to. */
const payloads = new WeakMap<object, string>();

function payloadOf(result: ExecutionResult) {
  let payload = payloads.get(result);
  if (payload === undefined) payloads.set(result, (payload = JSON.stringify(result)));
  return payload;
}

/** Where a subscription's `next` messages go when they bypass graphql-ws (see createNextWriter). */
export interface NextWriter {
  /** Writes the result as a `next` message; false for a result graphql-ws must format (it has errors). */
  write(result: ExecutionResult): boolean;
  /** The kernel has not taken everything written yet: a slow reader, so wait before writing more. */
  readonly busy: boolean;
  /** Calls back once everything written so far has been taken (at once if it has). */
  whenWritten(callback: () => void): void;
}

/** The context key under which graphql-ws.ts hands an operation its writer. */
export const NEXT_WRITER = Symbol('graphql-ws next writer');

export function nextWriterOf(context: unknown): NextWriter | undefined {
  return (context as { [NEXT_WRITER]?: NextWriter } | null)?.[NEXT_WRITER];
}

/**
 * Writes one subscription's `next` messages straight to its socket. graphql-ws stringifies
 * `{ id, type: 'next', payload }` per subscriber and takes several promise hops per message; one
 * availability change reaches every subscriber of a concert as the same result object
 * (shared-subscription-execution.ts), so its payload is stringified once and only the frame around
 * it, in graphql-ws's key order, is per socket: `{"id":…,"type":"next","payload":…}`.
 *
 * Only results without `errors` are written here; graphql-ws writes those unchanged too (the error
 * masking plugins touch errors only). One with errors goes back through graphql-ws. A socket that is
 * no longer open drops the message, as graphql-ws's own send does.
 */
export function createNextWriter(socket: WebSocket, id: string): NextWriter {
  const frameStart = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  let sent = 0;
  let written = 0;
  let onAllWritten: (() => void) | null = null;
  // One callback per subscription, not per message: it counts the writes the kernel has taken.
  const counted = () => {
    written += 1;
    if (written < sent || !onAllWritten) return;
    const callback = onAllWritten;
    onAllWritten = null;
    callback();
  };
  return {
    write(result) {
      if (result.errors != null) return false;
      if (socket.readyState !== WebSocket.OPEN) return true;
      sent += 1;
      socket.send(frameStart + payloadOf(result) + '}', counted);
      return true;
    },
    get busy() {
      // A write the kernel took at once leaves nothing buffered; its callback still comes a tick later.
      return written < sent && socket.bufferedAmount > 0;
    },
    whenWritten(callback) {
      if (written >= sent) callback();
      else onAllWritten = callback;
    },
  };
}
