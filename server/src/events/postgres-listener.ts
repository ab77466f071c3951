import pg from 'pg';

export interface PostgresListenerOptions {
  /** The listener's own connection string (it may differ from the pool's, e.g. to bypass a pooler). */
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

/** Whoever follows a channel. One per channel: it fans out to its own subscribers. */
export interface ChannelSubscriber {
  /** A NOTIFY on the channel committed. */
  notification(payload: string): void;
  /** The connection was lost and is back: notifications sent meanwhile are gone, so re-read. */
  resync(): void;
}

interface Channel {
  /** Null while only observers follow the channel. */
  subscriber: ChannelSubscriber | null;
  /** Others told of every notification and resync too (observe()), beside the subscriber. */
  observers: Set<ChannelSubscriber>;
  /** LISTEN is in effect on the current connection. */
  active: boolean;
  /** Waiting for `active`. */
  waiters: { resolve(): void; reject(error: Error): void }[];
}

/**
 * The one connection per process that LISTENs, and the one registry of channels. In the shape of
 * graphql-yoga's redis-event-target: a channel is LISTENed to when it gets its subscriber and
 * UNLISTENed when that one leaves. It reconnects with backoff when Postgres goes away,
 * re-LISTENs, and then asks every subscriber to resync, because notifications sent while it was
 * away are lost.
 */
export class PostgresListener {
  private client: pg.Client | null = null;
  private readonly channels = new Map<string, Channel>();
  private retryMs: number;
  private retryTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private hasConnectedBefore = false;
  private connecting: Promise<void> | null = null;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(private readonly options: PostgresListenerOptions) {
    this.retryMs = options.minRetryMs ?? 100;
  }

  /** True while the connection is up, for the readiness probe. */
  get connected() {
    return this.client !== null;
  }

  /** Channels whose LISTEN is in effect now; for metrics, and for tests of another process. */
  get listeningChannels() {
    let count = 0;
    for (const channel of this.channels.values()) if (channel.active) count += 1;
    return count;
  }

  start(): Promise<void> {
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  /**
   * The channel's subscriber: the one already following it, or a new one from `create`, in which
   * case the channel is LISTENed to. A channel has a single subscriber, so its type is the caller's.
   */
  subscribe<S extends ChannelSubscriber>(name: string, create: () => S): S {
    const channel = this.channels.get(name) ?? this.open(name);
    channel.subscriber ??= create();
    return channel.subscriber as S;
  }

  /** The channel's subscriber, if it has one; see subscribe() about its type. */
  subscriberOf<S extends ChannelSubscriber>(name: string): S | undefined {
    return (this.channels.get(name)?.subscriber ?? undefined) as S | undefined;
  }

  /** Forget the channel's subscriber, and UNLISTEN unless someone still observes the channel. */
  unsubscribe(name: string, subscriber: ChannelSubscriber) {
    const channel = this.channels.get(name);
    if (!channel || channel.subscriber !== subscriber) return;
    channel.subscriber = null;
    if (channel.observers.size === 0) this.drop(name, channel);
  }

  /**
   * Tells `observer` of the channel's notifications and resyncs as well, whoever its subscriber is
   * (or without one), for as long as it observes: the channel stays LISTENed to meanwhile. For a
   * cache that must forget what a channel announces, beside the feed that owns the channel.
   */
  observe(name: string, observer: ChannelSubscriber): () => void {
    const channel = this.channels.get(name) ?? this.open(name);
    channel.observers.add(observer);
    return () => {
      if (!channel.observers.delete(observer)) return;
      if (channel.observers.size === 0 && channel.subscriber === null && this.channels.get(name) === channel) this.drop(name, channel);
    };
  }

  private open(name: string): Channel {
    const channel: Channel = { subscriber: null, observers: new Set(), active: false, waiters: [] };
    this.channels.set(name, channel);
    const client = this.client;
    // Without a connection, connect() LISTENs to every channel once it is back.
    if (client) void this.listenOn(client, name, channel).catch(() => {});
    return channel;
  }

  private drop(name: string, channel: Channel) {
    this.channels.delete(name);
    for (const waiter of channel.waiters.splice(0)) waiter.reject(new Error(`${name} was unsubscribed before LISTEN took effect`));
    void this.client?.query(`UNLISTEN ${pg.escapeIdentifier(name)}`).catch(() => {});
  }

  /** Resolves once LISTEN on a subscribed channel is in effect on the connection (for tests). */
  listening(name: string): Promise<void> {
    const channel = this.channels.get(name);
    if (!channel) return Promise.reject(new Error(`nobody subscribed to ${name}`));
    if (channel.active) return Promise.resolve();
    return new Promise((resolve, reject) => channel.waiters.push({ resolve, reject }));
  }

  async close() {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private deliver(name: string, payload: string) {
    const channel = this.channels.get(name);
    if (!channel) return;
    channel.subscriber?.notification(payload);
    for (const observer of channel.observers) observer.notification(payload);
  }

  private async listenOn(client: pg.Client, name: string, channel: Channel) {
    await client.query(`LISTEN ${pg.escapeIdentifier(name)}`);
    // Still the connection in use and still subscribed: LISTEN is in effect.
    if (this.client === client && this.channels.get(name) === channel) activate(channel);
  }

  private async connect(): Promise<void> {
    // A connect that hangs (host gone, packets dropped) must fail so the retry loop keeps going.
    const client = new pg.Client({ connectionString: this.options.url, keepAlive: true, connectionTimeoutMillis: 5_000 });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    client.on('notification', (message) => this.deliver(message.channel, message.payload ?? ''));
    try {
      await client.connect();
      // Channels subscribed while this runs are visited too (a Map iterates over entries added meanwhile).
      for (const name of this.channels.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(name)}`);
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
    for (const channel of this.channels.values()) activate(channel);
    this.retryMs = this.options.minRetryMs ?? 100;
    this.heartbeat ??= setInterval(() => this.checkAlive(), this.options.heartbeatMs ?? 10_000).unref();
    if (this.hasConnectedBefore) {
      this.options.log?.info('LISTEN connection to Postgres restored');
      for (const channel of this.channels.values()) {
        channel.subscriber?.resync();
        for (const observer of channel.observers) observer.resync();
      }
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
    for (const channel of this.channels.values()) channel.active = false;
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

function activate(channel: Channel) {
  channel.active = true;
  for (const waiter of channel.waiters.splice(0)) waiter.resolve();
}
