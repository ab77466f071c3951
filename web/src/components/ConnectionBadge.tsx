import { useConnectionState } from '../connectionContext';
import { shownState, type ConnectionState } from '../connectionState';

const TEXT: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline: numbers may be out of date',
};

// Tells the shopper whether the numbers on screen are moving on their own.
// `subscriptionFailed`: the page's subscription ended in an error (refused, or failed on the server).
export function ConnectionBadge({ subscriptionFailed = false }: { subscriptionFailed?: boolean }) {
  const state = shownState(useConnectionState(), subscriptionFailed);
  return (
    <p className={`connection connection--${state}`} role="status" data-testid="connection-state" data-state={state}>
      <span className="connection__dot" aria-hidden="true" />
      {TEXT[state]}
    </p>
  );
}
