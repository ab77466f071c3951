import { describe, expect, it } from 'vitest';
import { requestMagicLink, safeNextPath, signInWithPassword, type Fetch } from './authClient';

function fakeFetch(response: Response | Error) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetcher: Fetch = async (url, init) => {
    calls.push({ url, init });
    if (response instanceof Error) throw response;
    return response;
  };
  return { fetcher, calls };
}

describe('auth client', () => {
  it('posts JSON to better-auth with the callback on this origin', async () => {
    const { fetcher, calls } = fakeFetch(new Response('{"status":true}', { status: 200 }));
    expect(await requestMagicLink('fan@example.com', '/my-bookings', fetcher)).toEqual({ kind: 'ok' });
    expect(calls[0]?.url).toBe('/api/auth/sign-in/magic-link');
    expect(calls[0]?.init).toMatchObject({ method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' } });
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({
      email: 'fan@example.com',
      callbackURL: `${window.location.origin}/my-bookings`,
      errorCallbackURL: `${window.location.origin}/signin?link=failed`,
    });
  });

  it('reads better-auth’s error code, a rate limit and a network failure', async () => {
    const refused = fakeFetch(new Response('{"code":"INVALID_EMAIL_OR_PASSWORD","message":"Invalid email or password"}', { status: 401 }));
    expect(await signInWithPassword('a@b.co', 'x', refused.fetcher)).toEqual({ kind: 'rejected', code: 'INVALID_EMAIL_OR_PASSWORD' });
    const limited = fakeFetch(new Response('', { status: 429, headers: { 'x-retry-after': '7' } }));
    expect(await signInWithPassword('a@b.co', 'x', limited.fetcher)).toEqual({ kind: 'rateLimited', retryAfterSeconds: 7 });
    const broken = fakeFetch(new Response('<html>', { status: 502 }));
    expect(await signInWithPassword('a@b.co', 'x', broken.fetcher)).toEqual({ kind: 'rejected', code: 'HTTP_502' });
    const offline = fakeFetch(new TypeError('Failed to fetch'));
    expect(await signInWithPassword('a@b.co', 'x', offline.fetcher)).toEqual({ kind: 'network' });
  });

  it('follows `next` only to a path on this site', () => {
    expect(safeNextPath('/bookings/B1?access=t')).toBe('/bookings/B1?access=t');
    expect(safeNextPath(null)).toBe('/my-bookings');
    expect(safeNextPath('https://evil.example/')).toBe('/my-bookings');
    expect(safeNextPath('//evil.example/')).toBe('/my-bookings');
    expect(safeNextPath('/\\evil.example/')).toBe('/my-bookings');
  });
});
