import type { ticketTiers } from '../db/schema.ts';

/** One tier as subscribers receive it: the row read after its change committed. */
export type TierRow = typeof ticketTiers.$inferSelect;
