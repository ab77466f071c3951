import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { createGraphQLError, type GraphQLParams } from 'graphql-yoga';

/**
 * `allow`: any operation, and registered ones by hash too (the default, so the web app and
 * GraphiQL work as they are). `only`: trusted documents — nothing but registered operations runs,
 * which is what partner-facing deployments want: a client cannot send a query nobody reviewed.
 */
export type PersistedOperationsMode = 'allow' | 'only';

export interface PersistedOperationsOptions {
  mode?: PersistedOperationsMode;
  /** Manifest files, each a JSON map of hash → document (graphql-codegen's persisted-documents.json). */
  manifests?: string[];
}

const HASH_PREFIX = 'sha256:';
const ONLY_MESSAGE =
  'Only registered (persisted) operations are accepted: send documentId or extensions.persistedQuery.sha256Hash instead of query';

/** `sha256:<hex>` (GraphQL over HTTP, codegen manifests) and bare `<hex>` (Apollo APQ) name the same document. */
const normalizeHash = (hash: string) => (hash.startsWith(HASH_PREFIX) ? hash.slice(HASH_PREFIX.length) : hash).toLowerCase();

/** Reads the manifests and checks every hash against its document, so a stale or edited manifest fails at start. */
export function loadPersistedDocuments(manifests: string[], { required }: { required: boolean }) {
  const documents = new Map<string, string>();
  for (const path of manifests) {
    if (!existsSync(path)) {
      if (required) throw new Error(`persisted operations manifest not found: ${path}`);
      continue;
    }
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
    for (const [hash, document] of Object.entries(manifest)) {
      const actual = createHash('sha256').update(document).digest('hex');
      if (normalizeHash(hash) !== actual) throw new Error(`persisted operation ${hash} in ${path} does not match its document`);
      documents.set(actual, document);
    }
  }
  return documents;
}

/** The id a client sent: GraphQL-over-HTTP's `documentId`, or Apollo's `extensions.persistedQuery.sha256Hash`. */
function persistedOperationId(params: { documentId?: unknown; extensions?: Record<string, unknown> | null }): string | null {
  if (typeof params.documentId === 'string') return params.documentId;
  const persistedQuery = params.extensions?.persistedQuery as { version?: unknown; sha256Hash?: unknown } | undefined;
  if (persistedQuery?.version === 1 && typeof persistedQuery.sha256Hash === 'string') return persistedQuery.sha256Hash;
  return null;
}

export function createPersistedOperations({ mode = 'allow', manifests = [] }: PersistedOperationsOptions) {
  const documents = loadPersistedDocuments(manifests, { required: mode === 'only' });
  const lookup = (id: string) => documents.get(normalizeHash(id)) ?? null;

  const plugin = usePersistedOperations({
    allowArbitraryOperations: mode === 'allow',
    extractPersistedOperationId: (params) => persistedOperationId(params as GraphQLParams & { documentId?: unknown }),
    getPersistedOperation: lookup,
    customErrors: {
      // Apollo's persisted-query link recognises this message and code and retries with the full query.
      notFound: { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 400 } } },
      persistedQueryOnly: { message: ONLY_MESSAGE, extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } } },
      keyNotFound: { message: 'Send query, documentId or extensions.persistedQuery.sha256Hash', extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
    },
  });

  /**
   * The same rules for graphql-ws, whose subscribe messages do not pass Yoga's HTTP request
   * pipeline. Its protocol requires a `query` string: a client sends '' with a hash to run a
   * registered operation. Returns the document to run, or throws a GraphQL error.
   */
  function resolveQuery(payload: { query: string; extensions?: Record<string, unknown> | null; documentId?: unknown }): string {
    if (payload.query) {
      if (mode === 'only') throw createGraphQLError(ONLY_MESSAGE, { extensions: { code: 'PERSISTED_QUERY_ONLY' } });
      return payload.query;
    }
    const id = persistedOperationId(payload);
    if (id === null) throw createGraphQLError('Send query, documentId or extensions.persistedQuery.sha256Hash', { extensions: { code: 'BAD_REQUEST' } });
    const document = lookup(id);
    if (document === null) throw createGraphQLError('PersistedQueryNotFound', { extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
    return document;
  }

  return { plugin, resolveQuery, mode, size: documents.size };
}

export type PersistedOperations = ReturnType<typeof createPersistedOperations>;
