import { sql, type SQL } from 'drizzle-orm';
import { columnName } from '../db/named-statement.ts';
import { ticketTiers } from '../db/schema.ts';
import { notifyChangedTiers } from '../events/availability-channel.ts';

/**
 * One statement that takes tickets from tiers whose rows the caller already holds locked, and
 * notifies the change. Inside the caller's transaction: Postgres delivers the NOTIFY on commit
 * and drops it on rollback.
 */
export function takeTickets(quantityPerTier: Iterable<[tierId: string, quantity: number]>): SQL {
  const taken = [...quantityPerTier].map(([tierId, quantity]) => sql`(${tierId}::uuid, ${quantity}::int)`);
  return sql`
    WITH updated AS (
      UPDATE ${ticketTiers} SET ${columnName(ticketTiers.available)} = ${ticketTiers.available} - taken.quantity
      FROM (VALUES ${sql.join(taken, sql`, `)}) AS taken(tier_id, quantity)
      WHERE ${ticketTiers.id} = taken.tier_id
      RETURNING ${ticketTiers.id} AS id, ${ticketTiers.concertId} AS concert_id
    )
    ${notifyChangedTiers(sql`updated`)}`;
}
