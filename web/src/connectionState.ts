// The live-updates socket's state as the UI shows it. graphql-ws reports
// connecting/connected/closed; a shop cares whether numbers are live, being
// re-established after a drop, or stale.
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

type Listener = () => void;

export function createConnectionStateStore() {
  let state: ConnectionState = 'connecting';
  let everConnected = false;
  const listeners = new Set<Listener>();

  function set(next: ConnectionState) {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener();
  }

  return {
    get: () => state,
    subscribe(listener: Listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    connecting: () => set(everConnected ? 'reconnecting' : 'connecting'),
    connected() {
      everConnected = true;
      set('live');
    },
    // A close is followed by 'connecting' when graphql-ws retries, so the
    // offline state only sticks once retries are exhausted or the socket is idle.
    closed: () => set('offline'),
  };
}

export type ConnectionStateStore = ReturnType<typeof createConnectionStateStore>;
