// The waiting-room phase's correctness checks, read from the database once the line has stopped
// (the room is paused, so no tick moves it while we read), from the statuses every tick published,
// and from the tokens the admitted clients fetched.
import pg from 'pg';
import { AdmissionTokens } from '../server/src/waiting-room/admission-token.ts';
import type { AdmittedClient } from './waiting-room-client.ts';

/** One tick's status as the orchestrator's LISTEN received it. */
export interface PublishedStatus {
  at: number;
  receivedAt: number;
  drawn: boolean;
  admittedThrough: number;
  lastPlace: number;
  shopping: number;
  maxShopping: number;
}

export interface AdmissionChecks {
  ok: boolean;
  /** Admitted entries are exactly places 1..admittedThrough, and places 1..lastPlace are each given once. */
  admittedArePrefix: boolean;
  placesContiguous: boolean;
  /** By place, admission times never go back: nobody was admitted before someone ahead of them. */
  admittedInPlaceOrder: boolean;
  /** admittedThrough never decreased, in the published sequence and on every client's socket. */
  admittedThroughMonotonic: boolean;
  /** No status admitted past the end of the line. */
  admittedWithinLine: boolean;
  /** Every client that a status admitted fetched an ADMITTED ticket with a token (when tickets are fetched). */
  everyAdmittedHasToken: boolean;
  /** Tokens: all distinct, all verify (signature, holder, concert), one per entry (jti). */
  tokensUniqueAndValid: boolean;
  /** Clients that saw themselves admitted = admitted entries in the database. */
  clientsMatchDatabase: boolean;
  details: {
    admittedThrough: number;
    lastPlace: number;
    entries: number;
    admittedEntries: number;
    admittedIdentities: number;
    outOfOrder: number;
    clientDecreases: number;
    ticketsFetched: number;
    badTickets: string[];
    distinctTokens: number;
    invalidTokens: number;
  };
}

export async function checkAdmissions(options: {
  databaseUrl: string;
  concertId: string;
  authSecret: string;
  statuses: PublishedStatus[];
  admitted: AdmittedClient[];
  clientDecreases: number;
}): Promise<AdmissionChecks> {
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    // One snapshot for every figure.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows: [room] } = await client.query<{ admitted_through: number; last_place: number }>(
      'SELECT admitted_through, last_place FROM waiting_rooms WHERE concert_id = $1',
      [options.concertId],
    );
    const { rows: [line] } = await client.query<Record<string, number | null>>(
      `SELECT count(*)::int AS entries, count(place)::int AS placed, count(DISTINCT place)::int AS distinct_places,
              min(place) AS min_place, max(place) AS max_place,
              count(*) FILTER (WHERE admitted_at IS NOT NULL)::int AS admitted,
              count(DISTINCT identity) FILTER (WHERE admitted_at IS NOT NULL)::int AS admitted_identities,
              max(place) FILTER (WHERE admitted_at IS NOT NULL) AS max_admitted_place,
              min(place) FILTER (WHERE admitted_at IS NULL) AS min_waiting_place
         FROM waiting_room_entries WHERE concert_id = $1`,
      [options.concertId],
    );
    const { rows: [order] } = await client.query<{ out_of_order: number }>(
      `SELECT count(*)::int AS out_of_order FROM (
         SELECT admitted_at, lag(admitted_at) OVER (ORDER BY place) AS before FROM waiting_room_entries
          WHERE concert_id = $1 AND admitted_at IS NOT NULL) t
        WHERE admitted_at < before`,
      [options.concertId],
    );
    const { rows: entryIds } = await client.query<{ identity: string; id: string }>(
      'SELECT identity, id FROM waiting_room_entries WHERE concert_id = $1 AND admitted_at IS NOT NULL',
      [options.concertId],
    );
    await client.query('COMMIT');

    const through = room.admitted_through;
    const admittedArePrefix =
      line.admitted === through && (through === 0 || line.max_admitted_place === through) && (line.min_waiting_place === null || line.min_waiting_place! > through);
    const placesContiguous = line.placed === room.last_place && line.distinct_places === line.placed && (line.placed === 0 || (line.min_place === 1 && line.max_place === room.last_place));

    const published = [...options.statuses].sort((a, b) => a.at - b.at);
    const publishedMonotonic = published.every((status, index) => index === 0 || status.admittedThrough >= published[index - 1].admittedThrough);
    const admittedWithinLine = published.every((status) => status.admittedThrough <= status.lastPlace);

    const fetched = options.admitted.filter((ticket) => ticket.status !== 'NOT_FETCHED');
    const badTickets = fetched.filter((ticket) => ticket.status !== 'ADMITTED' || !ticket.token).map((ticket) => `${ticket.guestId}@${ticket.place}: ${ticket.status}`);
    const tokens = new AdmissionTokens(options.authSecret);
    const entryOf = new Map(entryIds.map((row) => [row.identity, row.id]));
    const seenEntries = new Set<string>();
    let invalidTokens = 0;
    for (const ticket of options.admitted) {
      if (!ticket.token) continue;
      const identity = `guest:${ticket.guestId}`;
      const check = await tokens.check(ticket.token, [identity], options.concertId);
      const entryId = check.ok ? check.admission.entryId : null;
      if (!check.ok || entryId !== entryOf.get(identity) || seenEntries.has(entryId!)) invalidTokens += 1;
      if (entryId) seenEntries.add(entryId);
    }
    const distinctTokens = new Set(options.admitted.map((ticket) => ticket.token).filter(Boolean)).size;
    const fetchedTokens = options.admitted.filter((ticket) => ticket.token).length;
    const guests = new Set(options.admitted.map((ticket) => ticket.guestId));

    const checks = {
      admittedArePrefix,
      placesContiguous,
      admittedInPlaceOrder: order.out_of_order === 0,
      admittedThroughMonotonic: publishedMonotonic && options.clientDecreases === 0,
      admittedWithinLine,
      everyAdmittedHasToken: badTickets.length === 0,
      tokensUniqueAndValid: invalidTokens === 0 && distinctTokens === fetchedTokens && line.admitted_identities === line.admitted,
      clientsMatchDatabase: guests.size === options.admitted.length && guests.size === line.admitted,
    };
    return {
      ok: Object.values(checks).every(Boolean),
      ...checks,
      details: {
        admittedThrough: through,
        lastPlace: room.last_place,
        entries: line.entries!,
        admittedEntries: line.admitted!,
        admittedIdentities: line.admitted_identities!,
        outOfOrder: order.out_of_order,
        clientDecreases: options.clientDecreases,
        ticketsFetched: fetched.length,
        badTickets: badTickets.slice(0, 5),
        distinctTokens,
        invalidTokens,
      },
    };
  } finally {
    await client.end();
  }
}
