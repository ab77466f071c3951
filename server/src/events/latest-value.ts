import type { PushSource } from './push-source.ts';

/**
 * One subscriber's queue of one: a slow reader gets the newest value, never a backlog. For feeds
 * whose every value says everything (a waiting room's status, a sales report).
 */
export class LatestValue<T> implements PushSource<T> {
  private pending: T | undefined;
  private waiting: ((result: IteratorResult<T>) => void) | null = null;
  private listener: (() => void) | null = null;
  private isClosed = false;

  constructor(private readonly onClose: () => void) {}

  get closed() {
    return this.isClosed;
  }

  push(value: T) {
    if (this.isClosed) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      return resolve({ value, done: false });
    }
    this.pending = value;
    this.listener?.();
  }

  take() {
    const value = this.pending;
    this.pending = undefined;
    return value;
  }

  setListener(listener: (() => void) | null) {
    this.listener = listener;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.isClosed) return Promise.resolve({ value: undefined, done: true });
    const value = this.take();
    if (value !== undefined) return Promise.resolve({ value, done: false });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<T>> {
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
