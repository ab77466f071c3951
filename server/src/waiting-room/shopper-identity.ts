import type { Viewer } from '../auth/viewer.ts';

/**
 * Who holds a place in a waiting room: a signed-in shopper by account (all their devices share one
 * place), a guest by the random id its browser keeps (x-guest-id). The prefix keeps the two kinds
 * from ever colliding. Partner apps cannot queue.
 *
 * A shopper who signs in mid-line keeps the place their browser took as a guest: a signed-in
 * request that also carries the browser's guest id is both, account first. Holding the guest id is
 * what made the place the guest's in the first place, so nobody gains anything they did not have.
 */
export function shopperIdentitiesOf(ctx: { viewer: Viewer; guestId: string | null }): string[] {
  const guest = ctx.guestId ? `guest:${ctx.guestId}` : null;
  if (ctx.viewer.kind === 'user') return guest ? [`user:${ctx.viewer.user.id}`, guest] : [`user:${ctx.viewer.user.id}`];
  if (ctx.viewer.kind === 'guest' && guest) return [guest];
  return [];
}
