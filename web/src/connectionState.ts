import { CloseCode } from 'graphql-ws';

// The live-updates socket's state as the UI shows it. graphql-ws reports
// connecting/connected/closed; a shopper cares whether the numbers on screen
// are live, being re-established after a drop, or stale.
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

// Why a socket closed: idle (graphql-ws closed it because nothing subscribes),
// dropped (it will retry), or fatal (graphql-ws gives up on these codes).
export type CloseKind = 'idle' | 'dropped' | 'fatal';

// Retries continue in the background, but after this many failures in a row
// the honest thing to show is "offline".
const OFFLINE_AFTER_FAILURES = 3;

// Mirrors graphql-ws' own retry decision (client.js, shouldRetryConnectOrThrow).
const RETRYABLE_1XXX = [1001, 1005, 1006, 1012, 1013, 1014];
const FATAL_4XXX: number[] = [
  CloseCode.InternalServerError,
  CloseCode.InternalClientError,
  CloseCode.BadRequest,
  CloseCode.BadResponse,
  CloseCode.Unauthorized,
  CloseCode.SubprotocolNotAcceptable,
  CloseCode.SubscriberAlreadyExists,
  CloseCode.TooManyInitialisationRequests,
];

export function closeKind(event: unknown): CloseKind {
  const code = typeof event === 'object' && event && 'code' in event ? Number(event.code) : undefined;
  if (code === 1000) return 'idle';
  if (code === undefined) return 'dropped';
  if (code >= 1000 && code <= 1999 && !RETRYABLE_1XXX.includes(code)) return 'fatal';
  return FATAL_4XXX.includes(code) ? 'fatal' : 'dropped';
}

// What the badge says. A socket can be up while the server refused this page's
// subscription (or it failed): then nothing on screen is moving, so "offline".
export function shownState(socket: ConnectionState, subscriptionFailed: boolean): ConnectionState {
  return subscriptionFailed ? 'offline' : socket;
}

type Listener = () => void;

export function createConnectionStateStore() {
  let state: ConnectionState = 'connecting';
  let everConnected = false;
  let failures = 0;
  const listeners = new Set<Listener>();

  function set(next: ConnectionState) {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener();
  }
  const waiting = (): ConnectionState => (everConnected ? 'reconnecting' : 'connecting');

  return {
    get: () => state,
    subscribe(listener: Listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    // Each retry announces itself; once we have said "offline" we keep saying
    // it until a connection actually succeeds, instead of flickering.
    connecting() {
      if (failures < OFFLINE_AFTER_FAILURES) set(waiting());
    },
    connected() {
      everConnected = true;
      failures = 0;
      set('live');
    },
    closed(kind: CloseKind) {
      if (kind === 'idle') {
        everConnected = false;
        failures = 0;
        set('connecting');
        return;
      }
      failures += 1;
      set(kind === 'fatal' || failures >= OFFLINE_AFTER_FAILURES ? 'offline' : waiting());
    },
  };
}

export type ConnectionStateStore = ReturnType<typeof createConnectionStateStore>;
