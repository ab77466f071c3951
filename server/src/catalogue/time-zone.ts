import { sql } from 'drizzle-orm';
import { ValidationError } from '../booking/errors.ts';
import type { Database } from '../db/client.ts';
import { sqlStateOf } from '../db/transient-errors.ts';

const INVALID_PARAMETER_VALUE = '22023';

/**
 * A concert's zone must be known to Node (emails, the web app: concert-input.ts checks that) and to
 * Postgres, which buckets the concert's sales by its days and hours. Their time zone databases
 * differ: Node still knows US/Pacific-New, which Postgres dropped, and a zone only Node knows broke
 * the concert's sales analytics for good.
 */
export async function checkPostgresKnowsTimeZone(db: Database, zone: string | undefined) {
  if (zone === undefined) return;
  try {
    await db.execute(sql`SELECT now() AT TIME ZONE ${zone}`);
  } catch (error) {
    if (sqlStateOf(error) === INVALID_PARAMETER_VALUE) throw new ValidationError('Unknown time zone: use an IANA name such as Europe/Paris', 'timeZone');
    throw error;
  }
}
