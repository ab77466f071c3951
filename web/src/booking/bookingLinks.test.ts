import { describe, expect, it } from 'vitest';
import { bookingPath, forgetBookingLinks, rememberBookingLink, rememberedAccessToken } from './bookingLinks';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    items,
  };
}

describe('booking links', () => {
  it('puts the secret in the query string, escaped', () => {
    expect(bookingPath('Qm9va2luZzox', 'a+b/c')).toBe('/bookings/Qm9va2luZzox?access=a%2Bb%2Fc');
    expect(bookingPath('B/1', null)).toBe('/bookings/B%2F1');
  });

  it('remembers the newest links, one per booking, and forgets them all on request', () => {
    const storage = memoryStorage();
    rememberBookingLink('B1', 't1', storage);
    rememberBookingLink('B1', 't1b', storage);
    expect(rememberedAccessToken('B1', storage)).toBe('t1b');
    for (let i = 2; i <= 21; i++) rememberBookingLink(`B${i}`, `t${i}`, storage);
    // 20 kept: the oldest (B1) is gone.
    expect(rememberedAccessToken('B1', storage)).toBeNull();
    expect(rememberedAccessToken('B21', storage)).toBe('t21');
    forgetBookingLinks(storage);
    expect(rememberedAccessToken('B21', storage)).toBeNull();
  });

  it('ignores what it did not write', () => {
    const storage = memoryStorage();
    storage.setItem('encore.bookingLinks', '{not json');
    expect(rememberedAccessToken('B1', storage)).toBeNull();
    storage.setItem('encore.bookingLinks', JSON.stringify([{ id: 'B1' }, 'x', { id: 'B2', token: 't2' }]));
    expect(rememberedAccessToken('B2', storage)).toBe('t2');
    expect(rememberedAccessToken('B1', storage)).toBeNull();
  });
});
