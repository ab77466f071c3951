import pg from 'pg';

export interface PostgresListenerOptions {
  url: string;
  log?: { info(msg: string): void; warn(msg: string): void };
  /** Backoff bounds for reconnecting after the connection is lost. */
  minRetryMs?: number;
  maxRetryMs?: number;
  /**
   * How often the connection is checked with a query. A LISTEN connection only receives, so a
   * database host or network path that stops answering without closing the socket would otherwise
   * go unnoticed (TCP keepalive takes minutes): subscribers would silently get nothing.
   */
  heartbeatMs?: number;
}

type NotificationHandler = (channel: string, payload: string) => void;
type ReconnectHandler = (channels: string[]) => void;

/**
 * The one connection per process that LISTENs. It follows the channels it is asked to, reconnects
 * with backoff when Postgres goes away, re-LISTENs, and then tells its owner, because notifications
 * sent while it was away are lost and whoever relies on them must re-read.
 */
export class PostgresListener {
  private client: pg.Client | null = null;
  private readonly channels = new Set<string>();
  private readonly notificationHandlers = new Set<NotificationHandler>();
  private readonly reconnectHandlers = new Set<ReconnectHandler>();
  private retryMs: number;
  private retryTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private hasConnectedBefore = false;
  private connecting: Promise<void> | null = null;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(private readonly options: PostgresListenerOptions) {
    this.retryMs = options.minRetryMs ?? 100;
  }

  /** True while LISTEN is in effect, for the readiness probe. */
  get connected() {
    return this.client !== null;
  }

  start(): Promise<void> {
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  onNotification(handler: NotificationHandler) {
    this.notificationHandlers.add(handler);
    return () => this.notificationHandlers.delete(handler);
  }

  onReconnect(handler: ReconnectHandler) {
    this.reconnectHandlers.add(handler);
    return () => this.reconnectHandlers.delete(handler);
  }

  async listen(channel: string) {
    if (this.channels.has(channel)) return;
    this.channels.add(channel);
    await this.client?.query(`LISTEN ${pg.escapeIdentifier(channel)}`).catch(() => {
      // Lost connection: reconnect() LISTENs to every channel again.
    });
  }

  async unlisten(channel: string) {
    if (!this.channels.delete(channel)) return;
    await this.client?.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => {});
  }

  async notify(channel: string, payload: string) {
    if (!this.client) throw new Error('the LISTEN connection to Postgres is down');
    await this.client.query('SELECT pg_notify($1, $2)', [channel, payload]);
  }

  async close() {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    // A connect that hangs (host gone, packets dropped) must fail so the retry loop keeps going.
    const client = new pg.Client({ connectionString: this.options.url, keepAlive: true, connectionTimeoutMillis: 5_000 });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    client.on('notification', (message) => {
      for (const handler of this.notificationHandlers) handler(message.channel, message.payload ?? '');
    });
    try {
      await client.connect();
      for (const channel of this.channels) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => {});
      if (!this.hasConnectedBefore) throw error;
      this.scheduleReconnect(error as Error);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.retryMs = this.options.minRetryMs ?? 100;
    this.heartbeat ??= setInterval(() => this.checkAlive(), this.options.heartbeatMs ?? 10_000).unref();
    if (this.hasConnectedBefore) {
      this.options.log?.info('LISTEN connection to Postgres restored');
      for (const handler of this.reconnectHandlers) handler([...this.channels]);
    }
    this.hasConnectedBefore = true;
  }

  /** A query that does not come back within the heartbeat interval means the connection is dead. */
  private checkAlive() {
    const client = this.client;
    if (!client) return;
    const limit = this.options.heartbeatMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    const silent = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer to a heartbeat within ${limit} ms`)), limit);
    });
    Promise.race([client.query('SELECT 1'), silent])
      .catch((error: Error) => this.lost(client, error))
      .finally(() => clearTimeout(timer));
  }

  private lost(client: pg.Client, error: Error) {
    if (this.client !== client) return;
    this.client = null;
    client.removeAllListeners('end');
    // end() waits for the server to acknowledge, which a dead peer never does: drop the socket too.
    void client.end().catch(() => {});
    (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
    if (this.closed) return;
    this.options.log?.warn(`LISTEN connection to Postgres lost: ${error.message}`);
    this.scheduleReconnect(error);
  }

  private scheduleReconnect(error: Error) {
    if (this.closed || this.retryTimer) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, this.options.maxRetryMs ?? 2_000);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.start().catch(() => this.scheduleReconnect(error));
    }, delay);
  }
}
