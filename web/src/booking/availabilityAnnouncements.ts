import { availabilityTone } from '../lib/availability';

// What a screen reader should hear when availability moves during an on-sale.
// Every booking by anyone changes a number; reading each aloud would drown the
// page. Only changes to tiers the shopper has chosen matter: one selling out,
// dropping below what they picked, or turning low.

export interface TierAvailability {
  id: string;
  name: string;
  available: number;
  capacity: number;
}

export function availabilityAnnouncement(
  before: TierAvailability[],
  after: TierAvailability[],
  chosen: Record<string, number>,
): string | null {
  const messages: string[] = [];
  for (const tier of after) {
    const quantity = chosen[tier.id] ?? 0;
    const previous = before.find((t) => t.id === tier.id);
    if (quantity <= 0 || !previous || previous.available === tier.available) continue;
    const was = availabilityTone(previous.available, previous.capacity);
    const now = availabilityTone(tier.available, tier.capacity);
    if (now === 'sold-out' && was !== 'sold-out') messages.push(`${tier.name} has sold out.`);
    else if (tier.available < quantity && previous.available >= quantity) {
      messages.push(`Only ${tier.available} ${tier.name} ${tier.available === 1 ? 'ticket' : 'tickets'} left, fewer than you chose.`);
    } else if (now === 'low' && was === 'ok') messages.push(`${tier.name} is selling fast: ${tier.available} left.`);
  }
  return messages.length > 0 ? messages.join(' ') : null;
}
