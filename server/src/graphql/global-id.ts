import { decodeGlobalID } from '@pothos/plugin-relay';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The database id behind a Relay global id of the given type, or null for anything else. */
export function databaseIdOf(globalId: string, typename: 'Concert' | 'TicketTier' | 'Booking'): string | null {
  try {
    const { typename: actual, id } = decodeGlobalID(globalId);
    return actual === typename && UUID.test(id) ? id.toLowerCase() : null;
  } catch {
    return null;
  }
}
