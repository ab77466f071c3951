import { withReplicas } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { createDatabase, type Database, type DatabaseOptions } from './client.ts';

/**
 * Read replicas for display reads that may lag a little (the catalogue). Bookings, the tier facts
 * used for pricing and the `availability` query never come here: they read the primary.
 * Without replica urls every read goes to the primary.
 */
export function createReadReplicas(primary: Database, urls: string[], options: Omit<DatabaseOptions, 'url'>) {
  const replicas = urls.map((url) => createDatabase({ ...options, url }));
  const pools: pg.Pool[] = replicas.map((replica) => replica.pool);
  const [first, ...rest] = replicas.map((replica) => replica.db);
  // drizzle's withReplicas sends everything to the primary unless asked for `$replica`, which picks one at random.
  const routed = first ? withReplicas(primary, [first, ...rest]) : undefined;
  return {
    /** A database for one display read: a random replica, or the primary without replicas. */
    read: (): Database => routed?.$replica ?? primary,
    pools,
    async end() {
      await Promise.all(pools.map((pool) => pool.end()));
    },
  };
}
