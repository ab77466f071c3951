import { LatestQueue } from './latest-queue.ts';

/**
 * One subscriber's queue of one: a slow reader gets the newest value, never a backlog. For feeds
 * whose every value says everything (a waiting room's status, a sales report).
 */
export class LatestValue<T> extends LatestQueue<T> {
  private pending: T | undefined;

  push(value: T) {
    if (this.closed) return;
    this.pending = value;
    this.announce();
  }

  take() {
    const value = this.pending;
    this.pending = undefined;
    return value;
  }

  protected clear() {
    this.pending = undefined;
  }
}
