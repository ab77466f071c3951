import { createContext, useContext, useSyncExternalStore } from 'react';
import { createConnectionStateStore, type ConnectionStateStore } from './connectionState';

// Without a provider (isolated component tests) the state simply never leaves
// "connecting".
export const ConnectionStateContext = createContext<ConnectionStateStore>(createConnectionStateStore());

export function useConnectionState() {
  const store = useContext(ConnectionStateContext);
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
