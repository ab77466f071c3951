import { RequestCache } from '@pothos/plugin-scope-auth';
import type { Plugin } from 'graphql-yoga';

/**
 * Scope-auth keeps each request's evaluated scopes in a WeakMap keyed by its context. Contexts of
 * a busy on-sale outlive a young-generation GC while their batch commits, so the map's entries
 * pile up and every scavenge walks them until a full GC. Dropping the entry once the operation
 * has produced its result (nothing resolves after that) keeps the map near-empty.
 * Subscriptions keep theirs: their events resolve fields for as long as they run.
 */
export function useScopeCacheRelease(): Plugin {
  return {
    onExecute({ args }) {
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result) return;
          RequestCache.clearForContext(args.contextValue as object);
        },
      };
    },
  };
}
