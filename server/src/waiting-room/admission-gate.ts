import { BookingError } from '../booking/errors.ts';
import type { BookingRequest } from '../booking/booking-request.ts';
import type { BookTicketsResult } from '../booking/book-tickets.ts';
import type { Database } from '../db/client.ts';
import type { TierCatalogue } from '../booking/tier-catalogue.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { AdmissionTokens } from './admission-token.ts';
import { giveBackAdmission, recordedHoldOf, recordHold, spendAdmission } from './admission-claim.ts';
import { bookingCallerOf } from '../auth/booking-caller.ts';
import { scopedIdempotencyKey, validateBookingRequest } from '../booking/booking-request.ts';
import { AdmissionRequiredError, InvalidAdmissionError } from './errors.ts';
import { shopperIdentitiesOf } from './shopper-identity.ts';

export interface GateContext {
  db: Database;
  tierCatalogue: TierCatalogue;
  admissionTokens: AdmissionTokens;
  viewer: Viewer;
  guestId: string | null;
  clientAddress: string;
}

/**
 * Whether the request's concert sells through its waiting room. The flag rides along with the
 * cached tier facts (booking/tier-catalogue.ts), so a concert without a room pays no round trip.
 * A request whose tiers are not the concert's is refused by the booking itself, so looking at the
 * tiers that are the concert's is enough.
 */
export async function sellsThroughWaitingRoom(catalogue: TierCatalogue, request: BookingRequest): Promise<boolean> {
  const tiers = await catalogue.tiers(request.items.map((item) => item.tierId));
  return request.items.some((item) => {
    const tier = tiers.get(item.tierId);
    return tier?.concertId === request.concertId && tier.waitingRoom;
  });
}

/**
 * Runs `hold` behind the concert's waiting room, if it has one on: the token must be genuine,
 * unexpired, the caller's and this concert's, and is spent by the hold. A refused hold gives it
 * back; a hold whose outcome is unknown (the database failed mid-way) keeps it spent, since it may
 * have been written, and only a retry with the same idempotency key may take it up again
 * (admission-claim.ts): one admission never opens two holds.
 */
export async function holdThroughWaitingRoom(
  ctx: GateContext,
  request: BookingRequest,
  token: string | null | undefined,
  hold: () => Promise<BookTicketsResult>,
): Promise<BookTicketsResult> {
  if (!(await sellsThroughWaitingRoom(ctx.tierCatalogue, request))) return hold();
  if (ctx.viewer.kind === 'partner' || !token) throw new AdmissionRequiredError(request.concertId, ctx.viewer.kind === 'partner');
  const check = await ctx.admissionTokens.check(token, shopperIdentitiesOf(ctx), request.concertId);
  if (!check.ok) throw new InvalidAdmissionError(check.reason);
  const { entryId } = check.admission;
  // Bad input (a key Postgres cannot store, say) is refused before the spend writes the key.
  validateBookingRequest(request);
  const key = scopedIdempotencyKey(bookingCallerOf(ctx), request.idempotencyKey);
  const spend = await spendAdmission(ctx.db, check.admission, key);
  if (spend.kind === 'refused') {
    // A retry of the hold this token made and recorded (its answer was lost) replays it, as idempotency promises.
    const made = spend.reason === 'ALREADY_USED' ? await recordedHoldOf(ctx.db, spend.bookingId, key) : null;
    if (!made) throw new InvalidAdmissionError(spend.reason);
    return hold();
  }
  if (spend.kind === 'retried') {
    // The spend's own key again, with no hold recorded: the hold it makes or replays is the
    // admission's. Refused, it gives nothing back: the first try's hold may still be queued.
    const result = await hold();
    await recordHold(ctx.db, entryId, result.bookingId).catch(() => {});
    return result;
  }
  let result: BookTicketsResult;
  try {
    result = await hold();
  } catch (error) {
    if (error instanceof BookingError) await giveBackAdmission(ctx.db, entryId, spend.spends);
    throw error;
  }
  // A replay answered with a hold made before the spend: this token opened nothing new, so it stays unspent.
  if (result.replayed) await giveBackAdmission(ctx.db, entryId, spend.spends);
  // The hold is made and the shopper must hear of it: if recording it fails, the cap only counts
  // them as shopping for a minute instead of for the hold's life (admission-ticker.ts).
  else await recordHold(ctx.db, entryId, result.bookingId).catch(() => {});
  return result;
}
