import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createYoga } from 'graphql-yoga';
import { BookingCoalescer, type BookingCoalescerOptions } from './booking/booking-coalescer.ts';
import { createDatabase } from './db/client.ts';
import { createAvailabilityFeed } from './events/availability-feed.ts';
import { PostgresListener } from './events/postgres-listener.ts';
import type { Context } from './graphql/builder.ts';
import { schema } from './graphql/schema.ts';
import { attachGraphqlWs } from './http/graphql-ws.ts';
import { createStaticHandler } from './http/static-files.ts';

export interface AppOptions {
  databaseUrl: string;
  poolSize?: number;
  production?: boolean;
  /** Folder of the web app's production build, served at `/`. */
  webRoot?: string;
  booking?: BookingCoalescerOptions;
  onQuery?: (sql: string) => void;
  log?: { info(msg: string): void; warn(msg: string): void; error(msg: string): void };
}

const GRAPHQL_PATH = '/graphql';
const defaultWebRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));
const quietLog = { info() {}, warn() {}, error() {} };

export function buildApp(options: AppOptions) {
  const log = options.log ?? quietLog;
  const { pool, db } = createDatabase({
    url: options.databaseUrl,
    poolSize: options.poolSize,
    onIdleError: (error) => log.warn(`idle database connection failed: ${error.message}`),
    onQuery: options.onQuery,
  });
  const listener = new PostgresListener({ url: options.databaseUrl, log });
  const availability = createAvailabilityFeed(db, listener);
  const bookings = new BookingCoalescer(db, options.booking);
  const context: Context = { db, bookings, availability };

  const yoga = createYoga({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    context: () => context,
    graphiql: { title: 'Concert tickets API', subscriptionsProtocol: 'WS' },
    landingPage: false,
    logging: false,
  });

  const serveStatic = createStaticHandler(options.webRoot ?? defaultWebRoot);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === GRAPHQL_PATH) return void yoga.handle(req, res);
    if (path === '/health') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    if (path === '/ready') return void ready(res);
    serveStatic(req, res);
  });
  const ws = attachGraphqlWs(server, yoga, GRAPHQL_PATH);

  async function ready(res: ServerResponse) {
    const database = await pool.query('SELECT 1').then(
      () => true,
      () => false,
    );
    const ok = database && listener.connected;
    res
      .writeHead(ok ? 200 : 503, { 'content-type': 'application/json' })
      .end(JSON.stringify({ status: ok ? 'ready' : 'unavailable', database, listen: listener.connected }));
  }

  return {
    yoga,
    db,
    pool,
    /** Resolves once the server accepts connections; port 0 picks a free one. */
    async start(port = 4000, host?: string) {
      await listener.start();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      const address = server.address() as AddressInfo;
      return { port: address.port, url: `http://localhost:${address.port}${GRAPHQL_PATH}` };
    },
    async stop() {
      await ws.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await listener.close();
      await pool.end();
    },
  };
}

export type App = ReturnType<typeof buildApp>;
