import { decodeBase64, decodeCursorChunk } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { isStorableInstant } from '../db/timestamp-range.ts';

/** A row's place in a connection ordered by a timestamp, then the row's id. */
export interface TimeAndId {
  at: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const invalidCursor = () => new GraphQLError('Invalid cursor: pass a cursor this connection returned', { extensions: { code: 'BAD_USER_INPUT' } });

/**
 * The position a (timestamp, id) connection's cursor names, or null without one. Pothos reads a
 * cursor's values by the tags inside it and hands them to SQL as they are, so a hand-made cursor
 * ("S:not-a-uuid", a date 10^20 ms away, a number where the id goes) failed in Postgres with an
 * internal error and an error log line, and guests could send them. Refused here first instead.
 */
export function timeAndIdCursor(cursor: string | null | undefined): TimeAndId | null {
  if (cursor == null) return null;
  let values: unknown;
  try {
    const decoded = decodeBase64(cursor);
    if (!decoded.startsWith('DC:')) throw invalidCursor();
    values = decodeCursorChunk(decoded.slice(3));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(values) || values.length !== 2) throw invalidCursor();
  const [at, id] = values as unknown[];
  if (!(at instanceof Date) || !isStorableInstant(at) || typeof id !== 'string' || !UUID.test(id)) throw invalidCursor();
  return { at, id };
}

/** Checks both cursors of a connection's arguments (see timeAndIdCursor). */
export function checkTimeAndIdCursors(args: { after?: string | null; before?: string | null }) {
  return { after: timeAndIdCursor(args.after), before: timeAndIdCursor(args.before) };
}
