import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** The body types a browser can only send cross-origin after a CORS preflight, which our CORS policy answers. */
const JSON_TYPES = new Set(['application/json']);

const unsupported = () =>
  createGraphQLError('Send GraphQL requests as a POST with Content-Type: application/json, or queries as a GET', {
    extensions: { code: 'UNSUPPORTED_MEDIA_TYPE', http: { status: 415 } },
  });

const invalidJson = () => createGraphQLError('POST body sent invalid JSON.', { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });

/**
 * CSRF protection without a custom header. A cross-site HTML form (or a no-cors fetch) can POST
 * urlencoded, multipart or text/plain bodies with the shopper's cookies and no preflight; Yoga
 * would run a mutation from any of them. Only application/json runs, which a foreign page cannot
 * send without the browser asking our CORS policy first. GET stays for queries (Yoga refuses
 * mutations over GET with 405), and the web app and partners already send JSON.
 *
 * Yoga's JSON parser also answers a malformed body with the parser's own SyntaxError in
 * `extensions.originalError`, quoting the body back, outside maskError's reach: that answer is
 * replaced by its short message alone.
 */
export function useJsonRequests(): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser }) {
      if (request.method !== 'POST') return;
      const mediaType = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase() ?? '';
      if (!JSON_TYPES.has(mediaType)) throw unsupported();
      if (!requestParser) return;
      setRequestParser(async (req) => {
        try {
          return await requestParser(req);
        } catch (error) {
          if ((error as { extensions?: Record<string, unknown> }).extensions?.originalError) throw invalidJson();
          throw error;
        }
      });
    },
  };
}
