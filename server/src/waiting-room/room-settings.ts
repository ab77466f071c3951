import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TierCatalogue } from '../booking/tier-catalogue.ts';
import { changeCatalogue } from '../catalogue/catalogue-changes.ts';
import { parseInput } from '../catalogue/concert-input.ts';
import type { Database, Transaction } from '../db/client.ts';
import { waitingRooms } from '../db/waiting-room-schema.ts';
import { readRoom, statusPayload, WAITING_ROOM_STATUS_CHANNEL, type WaitingRoomStatus } from './waiting-room-status.ts';

// An organizer's settings of a concert's waiting room. The bounds keep one room from costing more
// than a tick can do in well under a second, and keep admissions meaningful.
const count = (what: string, min: number, max: number) =>
  z.number().int(`${what} must be a whole number`).min(min, `${what} must be at least ${min}`).max(max, `${what} must be at most ${max}`);
const rate = count('admissionsPerMinute', 1, 100_000);

export const roomSettings = z.object({
  enabled: z.boolean(),
  preQueueMinutes: count('preQueueMinutes', 0, 24 * 60),
  admissionsPerMinute: rate,
  maxShopping: count('maxShopping', 1, 1_000_000),
  admissionMinutes: count('admissionMinutes', 1, 120),
});

export type RoomSettings = z.infer<typeof roomSettings>;

/**
 * Turns a concert's waiting room on (or off, or re-tunes it) as a catalogue change: every instance's
 * tier cache learns at once whether holds of the concert need an admission token. The line's state
 * (places, admissions) survives: turning a room off and on again keeps everyone's place.
 */
export async function configureRoom(services: { db: Database; tierCatalogue: TierCatalogue }, concertId: string, input: unknown): Promise<WaitingRoomStatus> {
  const settings = parseInput(roomSettings, input);
  const columns = {
    enabled: settings.enabled,
    preQueueMinutes: settings.preQueueMinutes,
    admissionsPerMinute: settings.admissionsPerMinute,
    maxShopping: settings.maxShopping,
    admissionSeconds: settings.admissionMinutes * 60,
  };
  return changeCatalogue(services, concertId, async (tx) => {
    await tx
      .insert(waitingRooms)
      .values({ concertId, ...columns })
      .onConflictDoUpdate({ target: waitingRooms.concertId, set: { ...columns, updatedAt: sql`now()` } });
    return publishStatus(tx, concertId);
  });
}

/** The rate, live: the next tick admits at it (credit already earned is kept). Not a catalogue change. */
export async function changeRate(db: Database, concertId: string, admissionsPerMinute: number): Promise<WaitingRoomStatus | null> {
  const perMinute = parseInput(z.object({ admissionsPerMinute: rate }), { admissionsPerMinute }).admissionsPerMinute;
  return db.transaction(async (tx) => {
    const changed = await tx.update(waitingRooms).set({ admissionsPerMinute: perMinute, updatedAt: sql`now()` }).where(eq(waitingRooms.concertId, concertId)).returning({ id: waitingRooms.concertId });
    return changed.length ? publishStatus(tx, concertId) : null;
  });
}

/** Waiters hear of an organizer's change at once, not at the next tick; of a published concert only. */
async function publishStatus(tx: Transaction, concertId: string): Promise<WaitingRoomStatus> {
  const { status, published } = (await readRoom(tx, concertId))!;
  if (published) await tx.execute(sql`SELECT pg_notify(${WAITING_ROOM_STATUS_CHANNEL}, ${statusPayload(status)})`);
  return status;
}
