import type { Server } from 'node:http';
import type { ExecutionArgs } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';

interface EnvelopedRoot {
  execute: (args: ExecutionArgs) => unknown;
  subscribe: (args: ExecutionArgs) => unknown;
}

/**
 * graphql-ws on the same path as HTTP. Operations go through yoga.getEnveloped, so WebSocket
 * operations get the same plugins, limits, error masking and context as HTTP ones.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function attachGraphqlWs(server: Server, yoga: YogaServerInstance<any, any>, path: string) {
  const wsServer = new WebSocketServer({ server, path, maxPayload: 64 * 1024 });
  const disposable = useServer(
    {
      execute: (args) => (args.rootValue as EnvelopedRoot).execute(args) as never,
      subscribe: (args) => (args.rootValue as EnvelopedRoot).subscribe(args) as never,
      onSubscribe: async (ctx, _id, params) => {
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
        });
        let document;
        try {
          document = parse(params.query);
        } catch (error) {
          return [error as never];
        }
        const errors = validate(schema, document);
        if (errors.length > 0) return errors;
        return {
          schema,
          operationName: params.operationName,
          document,
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe } satisfies EnvelopedRoot,
        };
      },
    },
    wsServer,
  );
  return {
    /** Closes every socket with 1001 (going away) so clients know to reconnect elsewhere. */
    async close() {
      for (const socket of wsServer.clients) socket.close(1001, 'Server shutting down');
      await disposable.dispose();
    },
    get connections() {
      return wsServer.clients.size;
    },
  };
}
