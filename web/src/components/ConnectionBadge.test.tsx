import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { ConnectionStateContext } from '../connectionContext';
import { createConnectionStateStore, shownState } from '../connectionState';
import { ConnectionBadge } from './ConnectionBadge';

describe('ConnectionBadge', () => {
  it('says offline, never Live, when the subscription was refused or failed on a live socket', () => {
    const store = createConnectionStateStore();
    const view = render(
      <ConnectionStateContext.Provider value={store}>
        <ConnectionBadge subscriptionFailed={false} />
      </ConnectionStateContext.Provider>,
    );
    act(() => store.connected());
    expect(screen.getByTestId('connection-state').textContent).toBe('Live');
    view.rerender(
      <ConnectionStateContext.Provider value={store}>
        <ConnectionBadge subscriptionFailed />
      </ConnectionStateContext.Provider>,
    );
    const badge = screen.getByTestId('connection-state');
    expect(badge.dataset.state).toBe('offline');
    expect(badge.textContent).not.toMatch(/Live/);
  });

  it('shows the socket state when the subscription is fine', () => {
    for (const socket of ['connecting', 'live', 'reconnecting', 'offline'] as const) {
      expect(shownState(socket, false)).toBe(socket);
      expect(shownState(socket, true)).toBe('offline');
    }
  });
});
