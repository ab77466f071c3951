import type { DocumentNode } from 'graphql';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';

// Every document comes from graphql-codegen, which embeds the hash it wrote to
// persisted-documents.json (`persistedDocuments: true`). Sending that hash
// instead of the text lets the server run in trusted-documents mode, where it
// only executes operations from the manifest.
export function documentHash(document: DocumentNode): string | null {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  if (typeof hash !== 'string') return null;
  return hash.startsWith('sha256:') ? hash.slice('sha256:'.length) : hash;
}

// The server answers PersistedQueryNotFound for a hash it has not loaded (a
// dev server started before the last codegen run); the link then resends the
// full text, which an allow-listing server still refuses. A server without
// persisted operations at all asks for the query string: stop hashing then.
export function createPersistedDocumentsLink() {
  return new PersistedQueryLink({
    generateHash: (document) => documentHash(document) ?? 'unregistered-document',
    useGETForHashedQueries: false,
    disable: (options) => classify(options).notSupported,
    retry: (options) => {
      const { notSupported, notFound } = classify(options);
      return notSupported || notFound;
    },
  });
}

type RetryOptions = Parameters<NonNullable<PersistedQueryLink.Base.Options['retry']>>[0];

// Apollo reads the errors of an HTTP response into `meta`, but an error from
// graphql-ws arrives only as a CombinedGraphQLErrors, so look there too.
function classify({ meta, result, error }: RetryOptions) {
  const errors = [...(result?.errors ?? []), ...(CombinedGraphQLErrors.is(error) ? error.errors : [])];
  const has = (message: string, code?: string) =>
    errors.some((e) => e.message === message || (code !== undefined && e.extensions?.code === code));
  return {
    notSupported: meta.persistedQueryNotSupported || has('Must provide query string.'),
    notFound: meta.persistedQueryNotFound || has('PersistedQueryNotFound', 'PERSISTED_QUERY_NOT_FOUND'),
  };
}

// Set by PersistedQueryLink: false while only the hash should be sent.
export function sendsHashOnly(context: object): boolean {
  return (context as { http?: { includeQuery?: boolean } }).http?.includeQuery === false;
}
