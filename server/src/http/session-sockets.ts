import { sql } from 'drizzle-orm';
import type { WebSocket } from 'ws';
import { sessions } from '../db/auth-schema.ts';
import type { Database } from '../db/client.ts';

/** graphql-ws retries a socket closed with 4403 (Forbidden): it reconnects with whatever cookies it now has. */
export const SESSION_ENDED_CLOSE_CODE = 4403;

/**
 * A WebSocket's identity is read from its upgrade request, once; the session behind it can end
 * afterwards (sign-out, expiry, the sessions a magic-link sign-in revokes). Every `intervalMs` the
 * sessions of this process's signed-in sockets are looked up in one query, and each socket whose
 * session is gone is closed, ending the subscriptions it authorised. Sockets of guests and partners
 * are not watched (an API key is checked per operation through its own cache).
 */
export class SessionSockets {
  private readonly sessionOf = new Map<WebSocket, string>();
  private timer: NodeJS.Timeout | null = null;
  private checking = false;

  constructor(
    private readonly db: Database,
    private readonly options: { intervalMs?: number; log?: { warn(msg: string): void } } = {},
  ) {}

  watch(socket: WebSocket, sessionId: string) {
    // Closed while its identity was read: 'close' has fired already and would never remove it.
    if (socket.readyState !== socket.OPEN || this.sessionOf.has(socket)) return;
    this.sessionOf.set(socket, sessionId);
    socket.once('close', () => this.sessionOf.delete(socket));
    this.timer ??= setInterval(() => {
      // One check at a time: while Postgres is away they would pile up.
      if (this.checking) return;
      this.checking = true;
      this.closeEnded()
        .catch((error: Error) => this.options.log?.warn(`session check of WebSockets failed: ${error.message}`))
        .finally(() => (this.checking = false));
    }, this.options.intervalMs ?? 5_000).unref();
  }

  /** Closes the sockets whose session has ended; resolves with how many. */
  async closeEnded(): Promise<number> {
    // The sockets as they were when asked: one that joins during the query is checked next time.
    const watched = [...this.sessionOf];
    if (watched.length === 0) return 0;
    // One array literal, one parameter, however many sockets.
    const ids = `{${[...new Set(watched.map(([, sessionId]) => sessionId))].map((id) => `"${id.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
    const live = await this.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(sql`${sessions.id} = ANY(${ids}::text[]) AND ${sessions.expiresAt} > now()`);
    const alive = new Set(live.map((session) => session.id));
    let closed = 0;
    for (const [socket, sessionId] of watched) {
      if (alive.has(sessionId) || this.sessionOf.get(socket) !== sessionId) continue;
      this.sessionOf.delete(socket);
      socket.close(SESSION_ENDED_CLOSE_CODE, 'Session ended');
      closed += 1;
    }
    return closed;
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
