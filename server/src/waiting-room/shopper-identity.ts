import type { Viewer } from '../auth/viewer.ts';

/**
 * Who holds a place in a waiting room: a signed-in shopper by account (all their devices share one
 * place), a guest by the random id its browser keeps (x-guest-id). Null for a guest without one
 * and for partner apps, which cannot queue. The prefix keeps the two kinds from ever colliding.
 */
export function shopperIdentityOf(ctx: { viewer: Viewer; guestId: string | null }): string | null {
  if (ctx.viewer.kind === 'user') return `user:${ctx.viewer.user.id}`;
  if (ctx.viewer.kind === 'guest' && ctx.guestId) return `guest:${ctx.guestId}`;
  return null;
}
