import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Who may read /metrics on the public port. It tells anyone the booking rate, pool and queue state
 * and subscriber counts, so: with a token, only `Authorization: Bearer <token>` (401 otherwise); without
 * one, nobody in production (404, as if there were no such page) and anyone in development.
 */
export function metricsAccess({ token, production }: { token?: string; production: boolean }) {
  const expected = token ? digest(`Bearer ${token}`) : null;
  return (req: IncomingMessage): 200 | 401 | 404 => {
    if (!expected) return production ? 404 : 200;
    // Digests have equal lengths, so the comparison takes the same time for every wrong header.
    return timingSafeEqual(digest(req.headers.authorization ?? ''), expected) ? 200 : 401;
  };
}
