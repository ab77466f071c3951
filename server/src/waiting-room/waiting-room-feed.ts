import type { PostgresListener } from '../events/postgres-listener.ts';
import { LatestValue } from '../events/latest-value.ts';
import type { PushSource } from '../events/push-source.ts';
import { parseStatus, WAITING_ROOM_STATUS_CHANNEL, type WaitingRoomStatus } from './waiting-room-status.ts';

/**
 * Waiting-room statuses from every instance's ticker to this process's subscribers: one LISTEN for
 * all concerts (a tick publishes one status per open room, so there is little to filter), parsed
 * once per NOTIFY, and the same object handed to every subscriber of the concert, so a shared
 * subscription execution (http/shared-subscription-execution.ts) builds the message once for all
 * of them. A reconnect needs no re-read: the next tick, a second or two away, says everything.
 */
export function createWaitingRoomFeed(listener: PostgresListener) {
  const topics = new Map<string, Set<LatestValue<WaitingRoomStatus>>>();
  listener.subscribe(WAITING_ROOM_STATUS_CHANNEL, () => ({
    notification(payload: string) {
      const status = parseStatus(payload);
      const subscribers = topics.get(status.concertId);
      if (!subscribers) return;
      for (const subscriber of subscribers) subscriber.push(status);
    },
    resync() {},
  }));

  /** Every status of the concert published from now on; a slow reader skips to the newest: only the newest matters to a waiter. */
  function statuses(concertId: string): PushSource<WaitingRoomStatus> {
    let subscribers = topics.get(concertId);
    if (!subscribers) topics.set(concertId, (subscribers = new Set()));
    const subscriber = new LatestValue<WaitingRoomStatus>(() => {
      subscribers.delete(subscriber);
      if (subscribers.size === 0 && topics.get(concertId) === subscribers) topics.delete(concertId);
    });
    subscribers.add(subscriber);
    return subscriber;
  }

  return {
    statuses,
    /** Resolves once statuses published from now on reach this process (for tests). */
    listening: () => listener.listening(WAITING_ROOM_STATUS_CHANNEL),
    subscribers: (concertId: string) => topics.get(concertId)?.size ?? 0,
  };
}

export type WaitingRoomFeed = ReturnType<typeof createWaitingRoomFeed>;
