/**
 * An event stream that can also be read without a promise per event: `take()` hands over what is
 * pending at once, and the listener is called (synchronously, from the producer) when events
 * arrive or the stream ends. A fan-out to thousands of subscribers then writes each one's message
 * in the producer's own loop instead of resolving a promise chain per subscriber.
 */
export interface PushSource<T> extends AsyncIterableIterator<T> {
  readonly closed: boolean;
  take(): T | undefined;
  /** While a listener is set, events are left for take(); next() is for readers without one. */
  setListener(listener: (() => void) | null): void;
}

export function isPushSource<T>(stream: AsyncIterable<T>): stream is PushSource<T> {
  return typeof (stream as Partial<PushSource<T>>).take === 'function' && typeof (stream as Partial<PushSource<T>>).setListener === 'function';
}
