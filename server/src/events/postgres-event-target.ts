import type { TypedEventTarget } from '@graphql-yoga/typed-event-target';
import type { PostgresListener } from './postgres-listener.ts';

/** Sent to every listener of a topic after the LISTEN connection came back: notifications may have been missed. */
export const RESYNC = Symbol('resync');

type Listener = EventListenerOrEventListenerObject;

/**
 * A Yoga pub/sub event target on Postgres LISTEN/NOTIFY, in the shape of graphql-yoga's
 * redis-event-target: a topic is LISTENed to when it gets its first listener and UNLISTENed
 * after its last, so every instance hears every committed change it has subscribers for.
 */
export function createPostgresEventTarget(listener: PostgresListener): TypedEventTarget<CustomEvent> {
  const callbacksByTopic = new Map<string, Set<Listener>>();

  const deliver = (topic: string, detail: unknown) => {
    const callbacks = callbacksByTopic.get(topic);
    if (!callbacks) return;
    const event = new CustomEvent(topic, { detail });
    for (const callback of callbacks) {
      if (typeof callback === 'function') callback(event);
      else callback.handleEvent(event);
    }
  };
  listener.onNotification((channel, payload) => deliver(channel, payload));
  listener.onReconnect((channels) => {
    for (const channel of channels) deliver(channel, RESYNC);
  });

  return {
    addEventListener(topic, listenerOrObject) {
      if (!listenerOrObject) return;
      let callbacks = callbacksByTopic.get(topic);
      if (!callbacks) {
        callbacks = new Set();
        callbacksByTopic.set(topic, callbacks);
        void listener.listen(topic);
      }
      callbacks.add(listenerOrObject as Listener);
    },
    removeEventListener(topic, listenerOrObject) {
      const callbacks = callbacksByTopic.get(topic);
      if (!callbacks || !listenerOrObject) return;
      callbacks.delete(listenerOrObject as Listener);
      if (callbacks.size === 0) {
        callbacksByTopic.delete(topic);
        void listener.unlisten(topic);
      }
    },
    dispatchEvent(event) {
      void listener.notify(event.type, typeof event.detail === 'string' ? event.detail : JSON.stringify(event.detail));
      return true;
    },
  };
}
