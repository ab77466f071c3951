import { useConnectionState } from '../connectionContext';
import type { ConnectionState } from '../connectionState';

const TEXT: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline: numbers may be out of date',
};

// Tells the shopper whether the numbers on screen are moving on their own.
export function ConnectionBadge() {
  const state = useConnectionState();
  return (
    <p className={`connection connection--${state}`} role="status" data-testid="connection-state" data-state={state}>
      <span className="connection__dot" aria-hidden="true" />
      {TEXT[state]}
    </p>
  );
}
