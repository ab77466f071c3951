import { describe, expect, it } from 'vitest';
import { clearAdmission, loadAdmission, saveAdmission } from './admissionStore';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const now = Date.parse('2030-01-01T10:00:00Z');

describe('admission store', () => {
  it('keeps one admission per concert until it expires', () => {
    const storage = memoryStorage();
    saveAdmission('C1', { token: 'tok-1', expiresAt: '2030-01-01T10:10:00Z' }, storage);
    saveAdmission('C2', { token: 'tok-2', expiresAt: '2030-01-01T10:05:00Z' }, storage);
    expect(loadAdmission('C1', now, storage)).toEqual({ token: 'tok-1', expiresAt: '2030-01-01T10:10:00Z' });
    expect(loadAdmission('C2', now, storage)?.token).toBe('tok-2');
    expect(loadAdmission('C3', now, storage)).toBeNull();
  });

  it('drops an expired admission when read', () => {
    const storage = memoryStorage();
    saveAdmission('C1', { token: 'tok-1', expiresAt: '2030-01-01T09:59:59Z' }, storage);
    expect(loadAdmission('C1', now, storage)).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it('ignores and removes what it cannot read', () => {
    const storage = memoryStorage();
    storage.setItem('encore.admission.C1', '{not json');
    storage.setItem('encore.admission.C2', JSON.stringify({ token: 5, expiresAt: 'soon' }));
    expect(loadAdmission('C1', now, storage)).toBeNull();
    expect(loadAdmission('C2', now, storage)).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it('clears on request and survives a storage that throws', () => {
    const storage = memoryStorage();
    saveAdmission('C1', { token: 'tok-1', expiresAt: '2030-01-01T10:10:00Z' }, storage);
    clearAdmission('C1', storage);
    expect(loadAdmission('C1', now, storage)).toBeNull();
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); }, removeItem: () => { throw new Error('denied'); } };
    expect(() => saveAdmission('C1', { token: 't', expiresAt: '2030-01-01T10:10:00Z' }, broken)).not.toThrow();
    expect(loadAdmission('C1', now, broken)).toBeNull();
    expect(() => clearAdmission('C1', broken)).not.toThrow();
  });
});
