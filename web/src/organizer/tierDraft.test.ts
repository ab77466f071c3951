import { describe, expect, it } from 'vitest';
import { priceCentsOf, priceText, tierFieldOf, validateTier } from './tierDraft';

describe('tier drafts', () => {
  it('reads prices as whole cents', () => {
    expect(priceCentsOf('49.5')).toBe(4950);
    expect(priceCentsOf(' 49.05 ')).toBe(4905);
    expect(priceCentsOf('0')).toBe(0);
    expect(priceCentsOf('1.234')).toBeNull();
    expect(priceCentsOf('-1')).toBeNull();
    expect(priceText(4905)).toBe('49.05');
  });

  it('checks a tier as the server does', () => {
    expect(validateTier({ name: ' VIP ', price: '100', capacity: '50' })).toEqual({ input: { name: 'VIP', priceCents: 10000, capacity: 50 } });
    expect(validateTier({ name: '', price: '100000.01', capacity: '1.5' })).toEqual({
      errors: { name: 'Tier name must not be empty', price: 'Price must be at most 100000.00', capacity: 'Capacity must be a whole number' },
    });
  });

  it('names the draft field of a server error', () => {
    expect(tierFieldOf('priceCents')).toBe('price');
    expect(tierFieldOf('input.capacity')).toBe('capacity');
    expect(tierFieldOf('concertId')).toBeNull();
  });
});
