import type { requestSourceOf, RequestIdentity } from '../auth/viewer.ts';
import type { AppServices } from './builder.ts';

type InitialContext = Parameters<typeof requestSourceOf>[0];

/**
 * Yoga's context factory: who is asking, beside the process's services. Envelop merges what a
 * context factory returns into Yoga's own per-request context; here the identity is written into
 * that context instead, and the services become its prototype, so nothing is merged and no
 * service field is copied per request (copying two dozen of them grew every context's property
 * store: ≈ 2 KB of garbage per request). No promise either for the common request that carries
 * neither a key nor a session cookie.
 */
export function createContextFactory(identify: (initial: InitialContext) => RequestIdentity | Promise<RequestIdentity>, services: AppServices) {
  const nothingToMerge = Object.freeze({});
  const into = (initial: object, { viewer, clientAddress, guestId }: RequestIdentity) => {
    // Yoga makes a fresh plain object per request (and graphql-ws per operation): only its own fields are Yoga's.
    Object.setPrototypeOf(initial, services);
    const context = initial as RequestIdentity;
    context.viewer = viewer;
    context.clientAddress = clientAddress;
    context.guestId = guestId;
    return nothingToMerge;
  };
  return (initial: InitialContext): object | Promise<object> => {
    let identity;
    try {
      identity = identify(initial);
    } catch (error) {
      // A refusal (bad key, quota used up) decided without waiting: the same answer as a later one.
      return Promise.reject(error);
    }
    return identity instanceof Promise ? identity.then((resolved) => into(initial, resolved)) : into(initial, identity);
  };
}
