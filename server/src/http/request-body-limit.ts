import type { IncomingMessage } from 'node:http';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

const tooLarge = () =>
  createGraphQLError('Request body too large', { extensions: { http: { status: 413 }, code: 'REQUEST_ENTITY_TOO_LARGE' } });
const badLength = () => createGraphQLError('Content-Length header is invalid.', { extensions: { http: { status: 400 }, code: 'BAD_REQUEST' } });

// Only a single non-negative integer is a valid Content-Length (a comma-joined list is a smuggling attempt).
const CONTENT_LENGTH = /^\d+$/;

/**
 * Yoga's `maxRequestBodySize`, minus its per-request cost where it buys nothing. Yoga pipes every
 * body through a counting TransformStream; that pipeline allocates an AbortSignal and, when it
 * finishes, aborts it with a DOMException whose stack trace is captured: ≈ 10 % of the server's CPU
 * for a small request. A body that came through Node's HTTP parser with a valid Content-Length can
 * never be longer than that header (llhttp reads exactly that many bytes and refuses a request that
 * also says Transfer-Encoding), so checking the header is the whole limit. Chunked bodies, and
 * requests that did not come through Node (yoga.fetch), are still counted while they are read.
 */
export function useRequestBodyLimit(limit: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI, serverContext }) {
      const contentLength = request.headers.get('content-length');
      if (contentLength != null) {
        if (!CONTENT_LENGTH.test(contentLength)) throw badLength();
        if (Number(contentLength) > limit) throw tooLarge();
        if ((serverContext as { req?: IncomingMessage }).req?.socket) return;
      }
      if (!requestParser || !request.body) return;
      setRequestParser((req) => requestParser(countingBody(req, limit, fetchAPI)));
    },
  };
}

/** The request with a body that errors with 413 once it has delivered more than `limit` bytes. */
function countingBody(request: Request, limit: number, fetchAPI: { Request: typeof Request; TransformStream: typeof TransformStream }) {
  // A native ReadableStream must be piped through a native TransformStream, a ponyfill one through the ponyfill.
  const Transform = request.body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  let read = 0;
  const body = request.body!.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        if (read > limit) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, { method: request.method, headers: request.headers, signal: request.signal, body, duplex: 'half' } as RequestInit);
}
