import { describe, expect, it } from 'vitest';
import { availabilityAnnouncement, type TierAvailability } from './availabilityAnnouncements';

const tier = (id: string, available: number, capacity = 100): TierAvailability => ({ id, name: id, available, capacity });

describe('availabilityAnnouncement', () => {
  it('stays quiet about tiers the shopper has not chosen, however much they move', () => {
    expect(availabilityAnnouncement([tier('GA', 50)], [tier('GA', 0)], {})).toBeNull();
    expect(availabilityAnnouncement([tier('GA', 50)], [tier('GA', 0)], { GA: 0 })).toBeNull();
  });

  it('stays quiet about ordinary changes to a chosen tier', () => {
    expect(availabilityAnnouncement([tier('GA', 90)], [tier('GA', 80)], { GA: 2 })).toBeNull();
    expect(availabilityAnnouncement([tier('GA', 8)], [tier('GA', 7)], { GA: 2 })).toBeNull();
  });

  it('announces a chosen tier selling out', () => {
    expect(availabilityAnnouncement([tier('VIP', 3)], [tier('VIP', 0)], { VIP: 2 })).toBe('VIP has sold out.');
  });

  it('announces a chosen tier dropping below the quantity chosen', () => {
    expect(availabilityAnnouncement([tier('VIP', 5)], [tier('VIP', 1)], { VIP: 2 })).toBe('Only 1 VIP ticket left, fewer than you chose.');
  });

  it('announces a chosen tier turning low', () => {
    expect(availabilityAnnouncement([tier('VIP', 30)], [tier('VIP', 9)], { VIP: 2 })).toBe('VIP is selling fast: 9 left.');
  });

  it('puts several chosen tiers into one announcement', () => {
    const text = availabilityAnnouncement([tier('A', 3), tier('B', 40)], [tier('A', 0), tier('B', 10)], { A: 1, B: 1 });
    expect(text).toBe('A has sold out. B is selling fast: 10 left.');
  });
});
