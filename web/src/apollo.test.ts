import { describe, expect, it } from 'vitest';
import { graphqlWsUrl, retryDelay, wsConnectionParams } from './apollo';
import { guestId } from './auth/guestId';

describe('graphqlWsUrl', () => {
  it('uses the page origin with a WebSocket scheme', () => {
    expect(graphqlWsUrl(new URL('http://localhost:5173/concerts/1') as unknown as Location)).toBe('ws://localhost:5173/graphql');
    expect(graphqlWsUrl(new URL('https://tickets.example/') as unknown as Location)).toBe('wss://tickets.example/graphql');
  });
});

describe('retryDelay', () => {
  it('backs off exponentially with jitter, capped at 30 s', () => {
    for (let i = 0; i < 50; i++) {
      const first = retryDelay(0);
      expect(first).toBeGreaterThanOrEqual(250);
      expect(first).toBeLessThanOrEqual(500);
      const later = retryDelay(4);
      expect(later).toBeGreaterThanOrEqual(4000);
      expect(later).toBeLessThanOrEqual(8000);
      expect(retryDelay(20)).toBeLessThanOrEqual(30_000);
    }
  });
});

describe('wsConnectionParams', () => {
  it('carries the same guest id as the HTTP requests, which the upgrade request cannot', () => {
    expect(wsConnectionParams()).toEqual({ 'x-guest-id': guestId() });
    expect(guestId()).toMatch(/^[A-Za-z0-9_-]{16,128}$/);
  });
});
