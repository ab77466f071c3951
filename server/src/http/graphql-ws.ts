import type { Server } from 'node:http';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import { GUEST_ID_HEADER } from '../auth/viewer.ts';
import type { Logger } from '../observability/logger.ts';
import { REQUEST_ID_HEADER, requestIdFrom } from '../observability/request-log.ts';
import { MAX_REQUEST_BYTES } from './limits.ts';
import { createNextWriter, NEXT_WRITER } from './next-message-writer.ts';
import type { PersistedOperations } from './persisted-operations.ts';
import type { SessionSockets } from './session-sockets.ts';
import type { Viewer } from '../auth/viewer.ts';

interface EnvelopedRoot {
  execute: (args: ExecutionArgs) => unknown;
  subscribe: (args: ExecutionArgs) => unknown;
}

export interface GraphqlWsOptions {
  path: string;
  persisted: PersistedOperations;
  logger: Logger;
  operationLevel: 'info' | 'debug';
  /** While true (graceful shutdown), new sockets are refused with 503 so clients reconnect elsewhere. */
  isDraining: () => boolean;
  /** Cross-site WebSocket hijacking: a foreign page's upgrade is refused with 403. */
  allowsUpgrade: (origin: string | undefined, host: string | undefined) => boolean;
  limits: WebSocketLimits;
  /** Closes a signed-in socket once its session has ended. */
  sessionSockets: SessionSockets;
}

export interface WebSocketLimits {
  /** Operations (subscriptions, and queries while they run) one socket may have at once. */
  maxSubscriptionsPerSocket: number;
  /** Open sockets per client address; 0 for no limit (behind a proxy every client has the proxy's). */
  maxSocketsPerAddress: number;
}

export const TOO_MANY_SUBSCRIPTIONS = 'TOO_MANY_SUBSCRIPTIONS';

/**
 * graphql-ws on the same path as HTTP. Operations go through yoga.getEnveloped, so WebSocket
 * operations get the same plugins, limits, error masking and context as HTTP ones; the persisted
 * operations rule, which Yoga applies to HTTP request parameters only, is applied here too.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function attachGraphqlWs(server: Server, yoga: YogaServerInstance<any, any>, options: GraphqlWsOptions) {
  const { logger, persisted, limits } = options;
  // Each subscription holds a queue, a LISTEN interest and its share of every fan-out, and each
  // socket its buffers: without a bound one client could hold thousands of either.
  const socketsByAddress = new Map<string, number>();
  const wsServer = new WebSocketServer({
    server,
    path: options.path,
    // A bigger message closes the socket with 1009 before it is parsed.
    maxPayload: MAX_REQUEST_BYTES,
    verifyClient: (info, accept) => {
      if (options.isDraining()) return accept(false, 503, 'Server shutting down');
      if (!options.allowsUpgrade(info.req.headers.origin, info.req.headers.host)) return accept(false, 403, 'Origin not allowed');
      const address = info.req.socket.remoteAddress ?? '';
      if (limits.maxSocketsPerAddress > 0 && (socketsByAddress.get(address) ?? 0) >= limits.maxSocketsPerAddress) {
        return accept(false, 429, 'Too many WebSockets from this address');
      }
      accept(true);
    },
  });
  wsServer.on('connection', (socket, request) => {
    const address = request.socket.remoteAddress ?? '';
    socketsByAddress.set(address, (socketsByAddress.get(address) ?? 0) + 1);
    socket.once('close', () => {
      const left = (socketsByAddress.get(address) ?? 1) - 1;
      if (left > 0) socketsByAddress.set(address, left);
      else socketsByAddress.delete(address);
    });
  });
  const disposable = useServer(
    {
      // A browser cannot set headers on a WebSocket upgrade, so the page sends its guest id (its
      // place in a waiting room, its idempotency scope) in connectionParams; it is read as the
      // header would be. A header, where a client can send one, wins.
      onConnect: (ctx) => {
        const guestId = ctx.connectionParams?.[GUEST_ID_HEADER];
        if (typeof guestId === 'string' && ctx.extra.request.headers[GUEST_ID_HEADER] === undefined) ctx.extra.request.headers[GUEST_ID_HEADER] = guestId;
        return true;
      },
      execute: (args) => (args.rootValue as EnvelopedRoot).execute(args) as never,
      subscribe: (args) => (args.rootValue as EnvelopedRoot).subscribe(args) as never,
      onSubscribe: async (ctx, id, params) => {
        // graphql-ws has registered this operation already, so it is counted.
        if (Object.keys(ctx.subscriptions).length > limits.maxSubscriptionsPerSocket) {
          return [
            new GraphQLError(`At most ${limits.maxSubscriptionsPerSocket} operations at once on one WebSocket`, {
              extensions: { code: TOO_MANY_SUBSCRIPTIONS },
            }),
          ];
        }
        const header = ctx.extra.request.headers[REQUEST_ID_HEADER];
        const requestId = `${requestIdFrom(Array.isArray(header) ? header[0] : header)}/${id}`;
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
          requestId,
          // A subscription's next messages are written by next-message-writer.ts (see subscription-pump.ts).
          [NEXT_WRITER]: createNextWriter(ctx.extra.socket, id),
        });
        let document;
        try {
          document = parse(persisted.resolveQuery(params));
        } catch (error) {
          logger.debug({ requestId, err: error }, 'graphql-ws operation refused');
          return [error as GraphQLError];
        }
        const errors = validate(schema, document);
        if (errors.length > 0) {
          logger.debug({ requestId, errors: errors.map((error: GraphQLError) => error.message) }, 'graphql-ws operation invalid');
          return errors;
        }
        if (logger.isLevelEnabled(options.operationLevel)) {
          logger[options.operationLevel]({ requestId, operationName: params.operationName ?? undefined }, 'graphql-ws operation');
        }
        let contextValue;
        try {
          // Who is asking (API key, session cookie) comes from the upgrade request's headers.
          contextValue = await contextFactory();
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        const { viewer } = contextValue as unknown as { viewer: Viewer };
        if (viewer.kind === 'user') options.sessionSockets.watch(ctx.extra.socket, viewer.user.sessionId);
        return {
          schema,
          operationName: params.operationName,
          document,
          variableValues: params.variables,
          contextValue,
          rootValue: { execute, subscribe } satisfies EnvelopedRoot,
        };
      },
    },
    wsServer,
  );
  return {
    /** Closes every socket with 1001 (going away) so clients know to reconnect elsewhere. */
    async close() {
      options.sessionSockets.stop();
      for (const socket of wsServer.clients) socket.close(1001, 'Server shutting down');
      await disposable.dispose();
    },
    get connections() {
      return wsServer.clients.size;
    },
  };
}
