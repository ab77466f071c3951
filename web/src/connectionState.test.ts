import { describe, expect, it } from 'vitest';
import { closeKind, createConnectionStateStore } from './connectionState';

describe('connection state', () => {
  it('goes connecting → live, and reconnecting after a drop', () => {
    const store = createConnectionStateStore();
    store.connecting();
    expect(store.get()).toBe('connecting');
    store.connected();
    expect(store.get()).toBe('live');
    store.closed('dropped');
    expect(store.get()).toBe('reconnecting');
    store.connecting();
    expect(store.get()).toBe('reconnecting');
    store.connected();
    expect(store.get()).toBe('live');
  });

  it('says offline after repeated failures and stays there until connected', () => {
    const store = createConnectionStateStore();
    store.connected();
    for (let i = 0; i < 3; i++) {
      store.closed('dropped');
      store.connecting();
    }
    expect(store.get()).toBe('offline');
    store.connecting();
    expect(store.get()).toBe('offline');
    store.connected();
    expect(store.get()).toBe('live');
  });

  it('says offline at once when graphql-ws will not retry', () => {
    const store = createConnectionStateStore();
    store.connected();
    store.closed('fatal');
    expect(store.get()).toBe('offline');
  });

  it('treats an idle close as a fresh start, not a reconnect', () => {
    const store = createConnectionStateStore();
    store.connected();
    store.closed('idle');
    store.connecting();
    expect(store.get()).toBe('connecting');
  });

  it('notifies subscribers only on change', () => {
    const store = createConnectionStateStore();
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.connecting();
    store.connected();
    store.connected();
    unsubscribe();
    store.closed('dropped');
    expect(calls).toBe(1);
  });
});

describe('closeKind', () => {
  it('classifies close events the way graphql-ws retries them', () => {
    expect(closeKind({ code: 1000 })).toBe('idle');
    expect(closeKind({ code: 1006 })).toBe('dropped');
    expect(closeKind({ code: 1012 })).toBe('dropped');
    expect(closeKind({ code: 4499 })).toBe('dropped');
    expect(closeKind({ code: 1002 })).toBe('fatal');
    expect(closeKind({ code: 4500 })).toBe('fatal');
    expect(closeKind(new Error('socket error'))).toBe('dropped');
  });
});
