import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createYoga } from 'graphql-yoga';
import { AUTH_BASE_PATH } from './auth/auth.ts';
import { createIdentities, guestClientOf, viewerKeyOf } from './auth/identities.ts';
import { useScopeCacheRelease } from './auth/scope-cache-release.ts';
import type { requestSourceOf } from './auth/viewer.ts';
import type { AppOptions } from './app-options.ts';
import { BookingCoalescer } from './booking/booking-coalescer.ts';
import { HoldSweeper } from './booking/hold-sweeper.ts';
import { TierCatalogue } from './booking/tier-catalogue.ts';
import { ConcertCancellationRunner } from './catalogue/concert-cancellation-job.ts';
import { MAILBOX_PATH, serveMailbox } from './emails/development-mailbox.ts';
import { sendOutbox } from './emails/outbox-sender.ts';
import { RepeatingJob } from './jobs/repeating-job.ts';
import { tickWaitingRooms } from './waiting-room/admission-ticker.ts';
import { createWaitingRoomFeed } from './waiting-room/waiting-room-feed.ts';
import { createPaymentServices, PAYMENT_WEBHOOK_PATH } from './payments/payment-services.ts';
import { SimulatedPaymentProvider } from './payments/simulated-provider.ts';
import { createDatabase, endPoolNow } from './db/client.ts';
import { createReadReplicas } from './db/replicas.ts';
import { createAvailabilityFeed } from './events/availability-feed.ts';
import { createSalesFeed } from './analytics/sales-feed.ts';
import { catchUpSalesRollup } from './analytics/sales-rollup.ts';
import { PostgresListener } from './events/postgres-listener.ts';
import type { AppServices, Context } from './graphql/builder.ts';
import { createContextFactory } from './graphql/request-context.ts';
import { createCatalogueResults } from './catalogue/catalogue-results.ts';
import { useCatalogueResultCache } from './http/catalogue-result-cache.ts';
import { schema } from './graphql/schema.ts';
import { createDrain } from './http/draining.ts';
import { errorMasking } from './http/error-masking.ts';
import { attachGraphqlWs } from './http/graphql-ws.ts';
import { SessionSockets } from './http/session-sockets.ts';
import { createHealthChecks } from './http/health.ts';
import { useBoundedErrorMessages } from './http/bounded-errors.ts';
import { useJsonRequests } from './http/json-requests.ts';
import { useStorableTextOnly } from './http/storable-text.ts';
import { createOriginPolicy, VITE_DEV_ORIGIN } from './http/origins.ts';
import { limitPlugins, MAX_REQUEST_BYTES } from './http/limits.ts';
import { metricsAccess } from './http/metrics-access.ts';
import { createOrdersCsvHandler, ORDERS_CSV_PATH } from './http/orders-csv.ts';
import { useRequestBodyLimit } from './http/request-body-limit.ts';
import { createPersistedOperations } from './http/persisted-operations.ts';
import { useSharedSubscriptionExecution } from './http/shared-subscription-execution.ts';
import { createStaticHandler } from './http/static-files.ts';
import { silentLogger } from './observability/logger.ts';
import { createMetrics } from './observability/metrics.ts';
import { useRequestLog } from './observability/request-log.ts';
import { watchRuntime } from './observability/runtime-metrics.ts';



const GRAPHQL_PATH = '/graphql';
// Fine for the simulated processor in development; set PAYMENT_WEBHOOK_SECRET for anything real.
const DEVELOPMENT_WEBHOOK_SECRET = 'development-only-webhook-secret';
const defaultWebRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));
const webManifest = fileURLToPath(new URL('../../web/src/gql/persisted-documents.json', import.meta.url));

export function buildApp(options: AppOptions) {
  const production = options.production ?? false;
  const logger = options.logger ?? silentLogger;
  const log = options.log ?? logger;
  const database = createDatabase({
    url: options.databaseUrl,
    poolSize: options.poolSize,
    onIdleError: (error) => log.warn(`idle database connection failed: ${error.message}`),
    onQuery: options.onQuery,
    timeouts: options.databaseTimeouts,
    namedStatements: options.namedStatements,
  });
  const { pool, db } = database;
  const replicas = createReadReplicas(db, options.replicaDatabaseUrls ?? [], {
    poolSize: options.poolSize,
    onIdleError: (error) => log.warn(`idle replica connection failed: ${error.message}`),
    onQuery: options.onQuery,
    timeouts: options.databaseTimeouts,
    namedStatements: options.namedStatements,
  });
  const metrics = createMetrics();
  const listener = new PostgresListener({ url: options.listenDatabaseUrl ?? options.databaseUrl, log, heartbeatMs: options.listenHeartbeatMs });
  const availability = createAvailabilityFeed(db, listener, { onDelivered: metrics.observeFanout });
  const tierCatalogue = new TierCatalogue(db, listener);
  const bookingQueue = new BookingCoalescer(database, { onBatch: metrics.observeBatch, ...options.booking });
  const holdSweeper = new HoldSweeper(db, { ...options.holdSweeper, log });
  const paymentProvider = options.paymentProvider ?? new SimulatedPaymentProvider(db);
  const developmentMailbox = options.developmentMailbox ?? (!production && !options.mailTransport);
  const emailDelivery = options.mailTransport ? 'smtp' : developmentMailbox ? 'developmentMailbox' : 'none';
  const publicUrl = options.publicUrl ?? 'http://localhost:4000';
  const corsOrigins = options.corsOrigins ?? (production ? [] : [VITE_DEV_ORIGIN]);
  const identities = createIdentities({ db, run: database.run, listener, publicUrl, corsOrigins, production, authSecret: options.authSecret, trustProxy: options.trustProxy ?? false });
  const { auth, rateLimiter } = identities;
  const services: AppServices = {
    db, bookingQueue, tierCatalogue, availability, salesFeed: createSalesFeed(db, availability, listener), metrics, paymentProvider, replica: replicas.read, emailDelivery,
    waitingRoomFeed: createWaitingRoomFeed(listener),
    ...identities.services, holdQuota: options.holdQuota ?? { max: 30, windowMs: 60_000 },
    joinQuota: options.joinQuota ?? { max: 60, windowMs: 60_000 },
  };
  const contextFor = createContextFactory(identities.identify, services);
  const catalogueResults = options.catalogueResults === false ? null : createCatalogueResults(listener, tierCatalogue, options.catalogueResults);
  const rateLimitSweep = new RepeatingJob('rate-limit-sweep', 10 * 60_000, () => rateLimiter.sweep(db), log);
  // Keeps organizers' analytics reading thousands of rollup rows, not millions of bookings.
  const salesRollup = options.salesRollupIntervalMs === 0 ? null : new RepeatingJob('sales-rollup', options.salesRollupIntervalMs ?? 1_000, () => catchUpSalesRollup(db), log);
  const waitingRoomTicker = options.waitingRoomTickMs === 0 ? null : new RepeatingJob('waiting-room-ticker', options.waitingRoomTickMs ?? 1_000, () => tickWaitingRooms(db, { onTick: metrics.observeTick }), log, 'fromStart');
  const outbox = options.mailTransport
    ? new RepeatingJob('outbox', 1_000, () => sendOutbox(db, options.mailTransport!, options.mailFrom ?? 'Concert tickets <tickets@localhost>'), log)
    : null;
  const concertCancellations = new ConcertCancellationRunner(services, { ...options.concertCancellations, log });
  // Every instance runs these; each makes its own work safe for that (locks, SKIP LOCKED, conditional updates).
  const backgroundJobs = [holdSweeper, concertCancellations, outbox, rateLimitSweep, salesRollup, waitingRoomTicker].filter((job) => job !== null);
  const paymentServices = createPaymentServices(services, { webhookSecret: options.paymentWebhookSecret ?? DEVELOPMENT_WEBHOOK_SECRET, log });
  const persisted = createPersistedOperations({ manifests: [webManifest], ...options.persistedOperations });
  const drain = createDrain();
  const origins = createOriginPolicy(corsOrigins);
  // At ~10k bookings/s a line per operation is ~10k synchronous stdout writes/s; production
  // counts operations in /metrics instead and logs only errors and slow requests.
  const operationLevel = production ? 'debug' : 'info';

  const yoga = createYoga({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    context: (initial) => contextFor(initial as Parameters<typeof requestSourceOf>[0]),
    // Kept in production: partners explore the API with it, and introspection is public anyway.
    graphiql: { title: 'Concert tickets API', subscriptionsProtocol: 'WS' },
    landingPage: false,
    cors: (request) => origins.cors(request),
    logging: false,
    maskedErrors: errorMasking({ production }),
    // useRequestBodyLimit below does the same without a stream pipeline per request.
    maxRequestBodySize: false,
    // GraphQL over HTTP's persisted documents send `documentId` beside (or instead of) `query`.
    extraParamNames: ['documentId'],
    plugins: [
      useRequestLog({ logger, operationLevel }),
      useJsonRequests(),
      useStorableTextOnly(),
      useBoundedErrorMessages(),
      useScopeCacheRelease(),
      persisted.plugin,
      ...limitPlugins({ production }),
      // Guests share one execution; anyone else may be allowed more, so gets their own.
      useSharedSubscriptionExecution<Context>({ viewerKey: viewerKeyOf }),
      ...(catalogueResults ? [useCatalogueResultCache<Context>(catalogueResults.results, { guestOf: guestClientOf, count: metrics.countCatalogueResult })] : []),
      // Last, so that it wraps whichever request parser was chosen.
      useRequestBodyLimit(MAX_REQUEST_BYTES),
    ],
  });

  const health = createHealthChecks({ pool, listener, isDraining: () => drain.draining });
  const ordersCsv = createOrdersCsvHandler({ db, logger, identify: identities.identifyRequest });
  const serveStatic = createStaticHandler(options.webRoot ?? defaultWebRoot, { production });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/health') return health.health(res);
    if (path === '/ready') return void health.ready(res);
    if (path === '/metrics') return void serveMetrics(req, res);
    if (drain.draining) return drain.refuse(res);
    if (path.startsWith(`${AUTH_BASE_PATH}/`)) return identities.handleAuthRequest(req, res);
    if (path === PAYMENT_WEBHOOK_PATH) return void paymentServices.webhook(req, res);
    if (path === MAILBOX_PATH) {
      if (!developmentMailbox) return void res.writeHead(404).end();
      return void serveMailbox(db, new URL(req.url ?? '/', 'http://localhost'), res).catch(() => res.writeHead(503).end());
    }
    if (path === GRAPHQL_PATH) {
      drain.track(req, res);
      return void yoga.handle(req, res);
    }
    const ordersCsvPath = ORDERS_CSV_PATH.exec(path);
    if (ordersCsvPath) {
      drain.track(req, res);
      return void ordersCsv(req, res, ordersCsvPath[1]);
    }
    serveStatic(req, res);
  });
  const ws = attachGraphqlWs(server, yoga, {
    path: GRAPHQL_PATH,
    persisted,
    logger,
    operationLevel,
    isDraining: () => drain.draining,
    allowsUpgrade: origins.allowsUpgrade,
    limits: { maxSubscriptionsPerSocket: 20, maxSocketsPerAddress: 50, ...options.webSockets },
    sessionSockets: new SessionSockets(db, { intervalMs: options.sessionCheckIntervalMs, log }),
  });
  watchRuntime(metrics, { pool, bookingQueue, availability, listener, webSockets: () => ws.connections });

  const metricsAllowed = metricsAccess({ token: options.metricsToken, production });
  async function serveMetrics(req: IncomingMessage, res: ServerResponse) {
    const allowed = metricsAllowed(req);
    if (allowed === 404) return void res.writeHead(404).end();
    if (allowed === 401) return void res.writeHead(401, { 'www-authenticate': 'Bearer realm="metrics"' }).end();
    const body = await metrics.registry.metrics();
    res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body);
  }

  return {
    yoga,
    db,
    pool,
    metrics,
    availability,
    waitingRoomFeed: services.waitingRoomFeed,
    /** Tier and sales-window facts cached in this process; tests wait on its changed(). */
    tierCatalogue,
    holdSweeper,
    concertCancellations,
    /** better-auth's server API: accounts and sessions without going through /api/auth (tests, scripts). */
    auth,
    /** Resolves once the server accepts connections; port 0 picks a free one. */
    async start(port = 4000, host?: string) {
      await listener.start();
      for (const job of backgroundJobs) job.start();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      const address = server.address() as AddressInfo;
      paymentServices.start(`http://127.0.0.1:${address.port}`);
      return { port: address.port, url: `http://localhost:${address.port}${GRAPHQL_PATH}` };
    },
    /**
     * Graceful: new requests get 503 (and /ready says so, for load balancers) while the requests
     * and bookings already taken finish; then sockets close with 1001 and the database goes.
     */
    async stop() {
      drain.start();
      server.closeIdleConnections();
      const drained = await drain.idle(options.shutdownTimeoutMs ?? 15_000, () => bookingQueue.pending);
      if (!drained) log.warn(`stopping with ${drain.inFlight} requests and ${bookingQueue.pending} bookings unfinished`);
      await ws.close();
      await Promise.all(backgroundJobs.map((job) => job.stop()));
      await paymentServices.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      catalogueResults?.stop();
      await listener.close();
      if (drained) await pool.end();
      else await endPoolNow(pool);
      await replicas.end();
    },
  };
}

export type App = ReturnType<typeof buildApp>;
