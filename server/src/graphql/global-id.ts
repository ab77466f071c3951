import { decodeGlobalID } from '@pothos/plugin-relay';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type NodeTypename = 'Concert' | 'TicketTier' | 'Booking';
const NODE_TYPENAMES: readonly string[] = ['Concert', 'TicketTier', 'Booking'] satisfies NodeTypename[];

/** Our longest id (`TicketTier:<uuid>` in base64) is 64 characters; anything much longer is not ours and is not decoded. */
export const MAX_GLOBAL_ID_LENGTH = 100;

/** Client input quoted back in an error (an unknown id): at most this many characters, so a huge value is not echoed. */
export const MAX_ECHO_LENGTH = 100;

export const clip = (text: string) => (text.length > MAX_ECHO_LENGTH ? `${text.slice(0, MAX_ECHO_LENGTH)}…` : text);

/** The node type and database id behind a Relay global id of ours, or null for anything else. */
export function nodeIdOf(globalId: string): { typename: NodeTypename; id: string } | null {
  if (globalId.length > MAX_GLOBAL_ID_LENGTH) return null;
  try {
    const { typename, id } = decodeGlobalID(globalId);
    return NODE_TYPENAMES.includes(typename) && UUID.test(id) ? { typename: typename as NodeTypename, id: id.toLowerCase() } : null;
  } catch {
    return null;
  }
}

/** The database id behind a Relay global id of the given type, or null for anything else. */
export function databaseIdOf(globalId: string, typename: NodeTypename): string | null {
  const decoded = nodeIdOf(globalId);
  return decoded?.typename === typename ? decoded.id : null;
}
