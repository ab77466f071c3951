import { randomUUID } from 'node:crypto';
import { useErrorHandler, type Plugin } from 'graphql-yoga';
import { isTransientDatabaseError } from '../db/transient-errors.ts';
import type { Logger } from './logger.ts';

export const REQUEST_ID_HEADER = 'x-request-id';

// A caller's id is echoed into logs and headers, so only short, plain ones are taken as they are.
const ACCEPTABLE_REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;

/** The caller's x-request-id when it is sane, otherwise a fresh one. */
export function requestIdFrom(header: string | null | undefined): string {
  return header && ACCEPTABLE_REQUEST_ID.test(header) ? header : randomUUID();
}

export interface RequestLogOptions {
  logger: Logger;
  /** Level of the one line per operation; errors and slow operations are logged above it regardless. */
  operationLevel: 'info' | 'debug';
  slowMs?: number;
}

interface Pending {
  requestId: string;
  startedAt: number;
  operationName?: string | null;
  /** The first unexpected error of the request, logged on its one line. */
  error?: Error;
  transient?: boolean;
}

interface OperationContext {
  requestId?: string;
  request?: Request;
}

/**
 * Gives every HTTP GraphQL request an id (the caller's x-request-id or a new one), puts it in the
 * operation's context (`requestId`) and echoes it in the response, and logs at most one line per
 * request. Unexpected errors are logged with their stack and the request id; the client only gets
 * Yoga's masked message, and can quote the id from the response header.
 */
export function useRequestLog({ logger, operationLevel, slowMs = 1_000 }: RequestLogOptions): Plugin {
  const pending = new WeakMap<Request, Pending>();
  const errorLog = useErrorHandler(({ errors, context, phase }) => {
    // In the execution phase envelop passes the execution args; elsewhere the context itself.
    const ctx = (phase === 'execution' ? (context as { contextValue?: unknown }).contextValue : context) as OperationContext | undefined;
    for (const error of errors) {
      const original = (error as { originalError?: Error }).originalError;
      // GraphQL errors without a non-GraphQL cause are the client's (syntax, validation, limits).
      if (!original || original.name === 'GraphQLError') continue;
      const transient = isTransientDatabaseError(original);
      const entry = ctx?.request && pending.get(ctx.request);
      if (entry) {
        // HTTP: reported on the request's one line.
        if (!entry.error || (entry.transient && !transient)) Object.assign(entry, { error: original, transient });
        continue;
      }
      // graphql-ws operations have no response line of their own.
      logger[transient ? 'warn' : 'error']({ requestId: ctx?.requestId, err: original }, transient ? 'database unavailable' : 'unexpected error');
    }
  });

  return {
    onPluginInit({ addPlugin }) {
      addPlugin(errorLog as Plugin);
    },
    onRequest({ request, serverContext }) {
      const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
      (serverContext as { requestId?: string }).requestId = requestId;
      pending.set(request, { requestId, startedAt: performance.now() });
    },
    onParams({ request, params }) {
      const entry = pending.get(request);
      if (entry) entry.operationName = params.operationName;
    },
    onResponse({ request, response }) {
      const entry = pending.get(request);
      if (!entry) return;
      response.headers.set(REQUEST_ID_HEADER, entry.requestId);
      const ms = Math.round((performance.now() - entry.startedAt) * 10) / 10;
      const unexpected = entry.error && !entry.transient;
      const level =
        response.status >= 500 || unexpected ? 'error' : entry.error || ms >= slowMs ? 'warn' : operationLevel;
      if (!logger.isLevelEnabled(level)) return;
      const message = unexpected ? 'unexpected error' : entry.error ? 'database unavailable' : ms >= slowMs ? 'slow graphql request' : 'graphql request';
      logger[level](
        { requestId: entry.requestId, operationName: entry.operationName ?? undefined, status: response.status, ms, err: entry.error },
        message,
      );
    },
  };
}
