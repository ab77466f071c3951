import { describe, expect, it } from 'vitest';
import { guestId } from './guestId';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), items };
}

describe('guestId', () => {
  it('makes one id the server accepts and keeps it', () => {
    const storage = memoryStorage();
    const id = guestId(storage);
    expect(id).toMatch(/^[A-Za-z0-9_-]{16,128}$/);
    expect(guestId(storage)).toBe(id);
    expect(storage.items.get('encore.guestId')).toBe(id);
  });

  it('replaces a stored value the server would ignore', () => {
    const storage = memoryStorage({ 'encore.guestId': 'short' });
    expect(guestId(storage)).not.toBe('short');
  });

  it('still gives a stable id when storage throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    const id = guestId(broken);
    expect(id).toMatch(/^[A-Za-z0-9_-]{16,128}$/);
    expect(guestId(broken)).toBe(id);
  });
});
