import { GraphQLError } from 'graphql';
import { isStorableInstant } from '../../db/timestamp-range.ts';
import { builder } from '../builder.ts';

// Date and time with a zone or offset, a four-digit year: what Postgres stores, and what a client
// means. Date() alone also took "2031" or "December 17, 2030", and years Postgres cannot hold.
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** The instant, or null unless the text is one: Date() would also roll 30 February over into March. */
function parseInstant(text: string): Date | null {
  const parts = ISO_INSTANT.exec(text);
  if (!parts) return null;
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map((part) => Number(part ?? 0));
  const fields = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  fields.setUTCFullYear(year); // Date.UTC reads years 0-99 as 1900-1999
  if (fields.getUTCMonth() !== month - 1 || fields.getUTCDate() !== day || fields.getUTCHours() !== hour || fields.getUTCMinutes() !== minute || fields.getUTCSeconds() !== second) return null;
  // An offset can still carry year 0001 or 9999 past what Postgres holds.
  const date = new Date(text);
  return isStorableInstant(date) ? date : null;
}

builder.scalarType('DateTime', {
  description: 'An ISO-8601 instant with its zone or offset and a four-digit year, e.g. 2027-03-14T20:00:00.000Z',
  serialize: (value) => (value instanceof Date ? value : new Date(value)).toISOString(),
  parseValue: (value) => {
    const date = typeof value === 'string' ? parseInstant(value) : null;
    if (!date) throw new GraphQLError('DateTime must be an ISO-8601 date and time with a zone, e.g. 2027-03-14T20:00:00Z');
    return date;
  },
});

builder.scalarType('SafeInt', {
  description: 'A whole number that may pass 32 bits: at most 2^53 − 1 (9007199254740991) either way, sent as a JSON number, which JavaScript reads exactly.',
  serialize: (value) => {
    const number = Number(value);
    if (!Number.isSafeInteger(number)) throw new GraphQLError('SafeInt cannot represent this value');
    return number;
  },
  parseValue: (value) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new GraphQLError('SafeInt must be a whole number of at most 2^53 − 1');
    return value;
  },
});
