import { createClient, type Client, type SubscribePayload } from 'graphql-ws';
import WebSocket from 'ws';
import type { AvailabilityFeed } from '../../src/events/availability-feed.ts';
import { databaseIdOf } from '../../src/graphql/global-id.ts';

export interface WsResult {
  data?: Record<string, any> | null;
  /** Errors of the result, or the operation's error message (refused before execution). */
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export function connectWs(port: number, options: Partial<Parameters<typeof createClient>[0]> = {}): Client {
  return createClient({
    url: `ws://127.0.0.1:${port}/graphql`,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    // Tests look at close codes themselves; the default prints them.
    onNonLazyError: () => {},
    ...options,
  });
}

/** Runs one operation to its first result, or its error. */
export function runOnce(client: Client, payload: SubscribePayload): Promise<WsResult> {
  return new Promise((resolve, reject) => {
    let dispose = () => {};
    dispose = client.subscribe(payload, {
      next: (result) => {
        resolve(result as WsResult);
        dispose();
      },
      error: (error) => (Array.isArray(error) ? resolve({ errors: error }) : reject(error)),
      complete: () => {},
    });
  });
}

export interface TierEvent {
  id: string;
  available: number;
}

export interface ReceivedTierEvent extends TierEvent {
  receivedAt: number;
}

/**
 * Collects every availabilityChanged event of one subscription, keeping the latest availability
 * per tier, so a test can wait until a tier shows a given number.
 */
export function watchAvailability(client: Client, concertId?: string) {
  const events: ReceivedTierEvent[] = [];
  const latest = new Map<string, number>();
  const waiters = new Set<() => void>();
  let failure: unknown;
  const dispose = client.subscribe<{ availabilityChanged: TierEvent }>(
    {
      query: /* GraphQL */ `subscription ($concertId: ID) { availabilityChanged(concertId: $concertId) { id available } }`,
      variables: { concertId },
    },
    {
      next: (result) => {
        const tier = result.data?.availabilityChanged;
        if (!tier) return;
        events.push({ ...tier, receivedAt: Date.now() });
        latest.set(tier.id, tier.available);
        for (const wake of waiters) wake();
      },
      error: (error) => {
        failure = error;
      },
      complete: () => {},
    },
  );
  return {
    events,
    latest,
    get failure() {
      return failure;
    },
    /** Resolves when `done()` holds after some event, or rejects after timeoutMs. */
    until(done: () => boolean, timeoutMs = 5_000) {
      if (done()) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const wake = () => {
          if (!done()) return;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`subscription condition not met within ${timeoutMs} ms (${events.length} events)`));
        }, timeoutMs);
        waiters.add(wake);
      });
    },
    close: dispose,
  };
}

/**
 * Resolves once `subscribers` subscriptions of a concert (all concerts without one) have reached
 * the app's availability feed and its LISTEN is in effect: graphql-ws has no message for that.
 */
export function listening(app: { availability: AvailabilityFeed }, concertGid?: string, subscribers = 1) {
  if (concertGid === undefined) return app.availability.listening(undefined, subscribers);
  const concertId = databaseIdOf(concertGid, 'Concert');
  if (!concertId) throw new Error(`${concertGid} is not a concert id`);
  return app.availability.listening(concertId, subscribers);
}

/** A WebSocket class that sends these headers on the upgrade request, as a partner's server or a browser's cookie would. */
export function webSocketWithHeaders(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  };
}
