import type { PostgresListener } from '../events/postgres-listener.ts';
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
  const topics = new Map<string, Set<LatestStatus>>();
  listener.subscribe(WAITING_ROOM_STATUS_CHANNEL, () => ({
    notification(payload: string) {
      const status = parseStatus(payload);
      const subscribers = topics.get(status.concertId);
      if (!subscribers) return;
      for (const subscriber of subscribers) subscriber.push(status);
    },
    resync() {},
  }));

  /** Every status of the concert published from now on; a slow reader skips to the newest. */
  function statuses(concertId: string): PushSource<WaitingRoomStatus> {
    let subscribers = topics.get(concertId);
    if (!subscribers) topics.set(concertId, (subscribers = new Set()));
    const subscriber = new LatestStatus(() => {
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

/** One subscriber's queue of one: only the newest status matters to a waiter. */
class LatestStatus implements PushSource<WaitingRoomStatus> {
  private pending: WaitingRoomStatus | undefined;
  private waiting: ((result: IteratorResult<WaitingRoomStatus>) => void) | null = null;
  private listener: (() => void) | null = null;
  private isClosed = false;

  constructor(private readonly onClose: () => void) {}

  get closed() {
    return this.isClosed;
  }

  push(status: WaitingRoomStatus) {
    if (this.isClosed) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      return resolve({ value: status, done: false });
    }
    this.pending = status;
    this.listener?.();
  }

  take() {
    const status = this.pending;
    this.pending = undefined;
    return status;
  }

  setListener(listener: (() => void) | null) {
    this.listener = listener;
  }

  next(): Promise<IteratorResult<WaitingRoomStatus>> {
    if (this.isClosed) return Promise.resolve({ value: undefined, done: true });
    const status = this.take();
    if (status) return Promise.resolve({ value: status, done: false });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<WaitingRoomStatus>> {
    if (!this.isClosed) {
      this.isClosed = true;
      this.waiting?.({ value: undefined, done: true });
      this.waiting = null;
      this.onClose();
      this.listener?.();
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}
