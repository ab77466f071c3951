// A waiting-room guest's HTTP requests (the waiting-room phase): join the line and read one's own
// ticket, each with the guest's own x-guest-id, over a few keep-alive sockets per client process,
// so that the server's open files go to the waiting WebSockets, not to HTTP connections.
import http from 'node:http';

const JOIN = /* GraphQL */ `mutation Join($concertId: ID!) {
  joinWaitingRoom(concertId: $concertId) { __typename ... on QueueTicket { id } ... on Error { message } }
}`;
const TICKET = /* GraphQL */ `query MyTicket($concertId: ID!) {
  myQueueTicket(concertId: $concertId) { id place status admissionToken admissionExpiresAt }
}`;

export type JoinOutcome = { joined: true } | { joined: false; retryAfterSec?: number; body: string };

export function guestHttp(url: string, concertGid: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const once = (body: string, guestId: string) =>
    new Promise<string>((resolve, reject) => {
      const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-guest-id': guestId };
      const request = http.request(url, { method: 'POST', agent, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve(Buffer.concat(chunks).toString()));
        response.on('error', reject);
      });
      request.setTimeout(30_000, () => request.destroy(new Error('no answer within 30 s')));
      request.on('error', reject);
      request.end(body);
    });
  // A kept-alive socket the server closed as idle just as we reuse it resets; both requests are
  // idempotent (a join returns the place already held), so they are sent again.
  const post = async (body: string, guestId: string, attempts = 3): Promise<string> => {
    try {
      return await once(body, guestId);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempts > 1 && (code === 'ECONNRESET' || code === 'EPIPE')) return post(body, guestId, attempts - 1);
      throw error;
    }
  };
  const variables = { concertId: concertGid };

  return {
    /** One joinWaitingRoom; a RATE_LIMITED answer says when to retry. */
    async join(guestId: string): Promise<JoinOutcome> {
      const body = await post(JSON.stringify({ query: JOIN, variables }), guestId).catch((error: Error) => error.message);
      if (body.includes('"QueueTicket"')) return { joined: true };
      const retry = /"retryAfterSeconds":(\d+)/.exec(body);
      return { joined: false, retryAfterSec: retry ? Number(retry[1]) : undefined, body };
    },
    /** myQueueTicket's status and token; status MISSING (with the answer) when there is none. */
    async ticket(guestId: string): Promise<{ status: string; token: string | null; body: string }> {
      const body = await post(JSON.stringify({ query: TICKET, variables }), guestId);
      const ticket = (JSON.parse(body) as { data?: { myQueueTicket?: { status: string; admissionToken: string | null } | null } }).data?.myQueueTicket;
      return { status: ticket?.status ?? 'MISSING', token: ticket?.admissionToken ?? null, body };
    },
  };
}
