import type { PushSource } from './push-source.ts';

/**
 * A subscriber's queue that keeps only what is still news: a reader that falls behind (slow socket,
 * busy server) skips states nobody needs any more instead of queueing every one, so its memory is
 * bounded and what it gets is never stale. Subclasses say what is kept (`store`, `take`, `clear`).
 *
 * It is its own async iterator rather than an async generator: return() must end it at once even
 * while it waits for the next value, or an unsubscribed client would linger until then. It is also
 * a PushSource: a WebSocket subscriber takes values from it in the feed's own loop
 * (http/subscription-pump.ts); while that listener is set, values are left for take().
 */
export abstract class LatestQueue<T> implements PushSource<T> {
  private waiting: ((result: IteratorResult<T>) => void) | null = null;
  private listener: (() => void) | null = null;
  private isClosed = false;

  constructor(private readonly onClose: () => void) {}

  /** The next value to hand over, if any, removed from the queue. */
  abstract take(): T | undefined;

  /** Drops whatever is pending. */
  protected abstract clear(): void;

  get closed() {
    return this.isClosed;
  }

  setListener(listener: (() => void) | null) {
    this.listener = listener;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.isClosed) return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.deliver();
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.close();
    return Promise.resolve({ done: true, value: undefined });
  }

  close() {
    if (this.isClosed) return;
    this.isClosed = true;
    this.clear();
    this.waiting?.({ done: true, value: undefined });
    this.waiting = null;
    this.onClose();
    this.listener?.();
    this.listener = null;
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  /** After the subclass stored something new: the listener hears of it, or a waiting reader gets it. */
  protected announce() {
    if (this.listener) this.listener();
    else this.deliver();
  }

  private deliver() {
    if (!this.waiting) return;
    const value = this.take();
    if (value === undefined) return;
    const resolve = this.waiting;
    this.waiting = null;
    resolve({ done: false, value });
  }
}
