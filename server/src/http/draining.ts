import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Graceful shutdown bookkeeping: which HTTP requests are still being answered, and a flag that,
 * once set, turns new requests away with 503 (and `Connection: close`) while those finish.
 */
export function createDrain() {
  let draining = false;
  let inFlight = 0;

  return {
    get draining() {
      return draining;
    },
    get inFlight() {
      return inFlight;
    },
    start() {
      draining = true;
    },
    /** Counts a request until its response is finished or its connection is gone. */
    track(req: IncomingMessage, res: ServerResponse) {
      // Subscriptions over SSE never finish on their own; they are closed with the server.
      if (req.headers.accept?.includes('text/event-stream')) return;
      inFlight += 1;
      res.once('close', () => {
        inFlight -= 1;
      });
    },
    refuse(res: ServerResponse) {
      res
        .writeHead(503, { 'content-type': 'application/json', connection: 'close', 'retry-after': '1' })
        .end(JSON.stringify({ errors: [{ message: 'Server is shutting down; retry', extensions: { code: 'SHUTTING_DOWN' } }] }));
    },
    /** Resolves when nothing is in flight (also `pending()`, e.g. queued bookings), or after timeoutMs. */
    async idle(timeoutMs: number, pending: () => number = () => 0) {
      const deadline = Date.now() + timeoutMs;
      while ((inFlight > 0 || pending() > 0) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return inFlight === 0 && pending() === 0;
    },
  };
}
