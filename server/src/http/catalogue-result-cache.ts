import { getOperationAST, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { CatalogueResults, KeptResult } from '../catalogue/catalogue-results.ts';
import { catalogueDependencyOf, type CatalogueDependency } from '../graphql/cacheable-operations.ts';
import { databaseIdOf } from '../graphql/global-id.ts';

interface CacheableOperation {
  mutation: boolean;
  dependency: CatalogueDependency | null;
  /** The operation's own variables: a result is keyed by their values only, so extra ones sent along cannot split it. */
  variables: string[];
  /** Unique per document and operation: results of two documents never share a key. */
  keyPrefix: string;
}

/** A key longer than this (variables with long strings) is executed instead of kept: keys are held in memory. */
const MAX_KEY_LENGTH = 1_024;

export interface CatalogueResultCacheOptions<TContext> {
  /** Who may share results: guests only (anyone else may be allowed more, or less). Null: not shared. */
  guestOf(context: TContext): string | null;
  /** Each shared query: answered from a kept (or pending) result, or executed. */
  count?(outcome: 'hit' | 'miss'): void;
}

/**
 * Answers a guest's public catalogue query from CatalogueResults, or executes it and keeps the
 * result; concurrent askers of the same result wait for the one execution. Results with errors are
 * not kept. Last among the plugins that look at executions, so theirs run for every request.
 */
export function useCatalogueResultCache<TContext>(results: CatalogueResults, options: CatalogueResultCacheOptions<TContext>): Plugin {
  const documents = new WeakMap<DocumentNode, Map<string, CacheableOperation>>();
  let nextDocumentId = 0;

  const operationOf = (args: ExecutionArgs): CacheableOperation => {
    let operations = documents.get(args.document);
    if (!operations) documents.set(args.document, (operations = new Map()));
    const name = args.operationName ?? '';
    let operation = operations.get(name);
    if (!operation) {
      const definition = getOperationAST(args.document, args.operationName);
      const mutation = definition?.operation === 'mutation';
      const dependency = mutation ? null : catalogueDependencyOf(args.schema, args.document, args.operationName);
      const variables = definition?.variableDefinitions?.map((v) => v.variable.name.value) ?? [];
      operations.set(name, (operation = { mutation, dependency, variables, keyPrefix: `${nextDocumentId++}\u0000${name}\u0000` }));
    }
    return operation;
  };

  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const guest = options.guestOf(args.contextValue as TContext);
      if (guest === null) return;
      const operation = operationOf(args);
      if (operation.mutation) return { onExecuteDone: () => results.wrote(guest) };
      if (!operation.dependency || !results.usable || results.wroteRecently(guest)) return;
      const variables = args.variableValues ?? {};
      const key = operation.keyPrefix + JSON.stringify(operation.variables.map((name) => variables[name] ?? null));
      if (key.length > MAX_KEY_LENGTH) return;
      const kept = results.get(key);
      options.count?.(kept ? 'hit' : 'miss');
      if (kept) return void setExecuteFn(() => kept);
      // Kept as pending before this request executes, so the guests arriving meanwhile wait for it.
      const concerts = concertsOf(operation.dependency, variables);
      const version = results.version;
      let settle!: (outcome: KeptResult) => void;
      let settled = false;
      const pending = new Promise<ExecutionResult>((resolve) => (settle = resolve));
      // A failed execution is its own request's error; waiters see it through their own chains.
      pending.catch(() => {});
      results.set(key, pending, concerts);
      const finish = (outcome: KeptResult, result: ExecutionResult | null) => {
        if (settled) return;
        settled = true;
        // Kept only if nothing changed while it was computed, and only what every guest would get.
        if (!result || result.errors?.length || results.version !== version || isAsyncIterable(result)) results.delete(key);
        else results.set(key, withStringifiedOnce(result), concerts);
        settle(outcome);
      };
      setExecuteFn((executionArgs) => {
        const execution = Promise.resolve(executeFn(executionArgs) as KeptResult);
        execution.then(
          (result) => finish(result, result),
          (error: unknown) => finish(Promise.reject(error), null),
        );
        return execution;
      });
      // Also when another plugin answered instead and this execution never ran.
      return { onExecuteDone: ({ result }) => finish(result as ExecutionResult, null) };
    },
  };
}

/** The concerts a result depends on, from the operation's `concert(id:)` arguments; `all` when any is not a concert's id. */
function concertsOf(dependency: CatalogueDependency, variables: Record<string, unknown>): 'all' | string[] {
  if (dependency === 'all') return 'all';
  const ids: string[] = [];
  for (const source of dependency) {
    const value = 'variable' in source ? variables[source.variable] : source.literal;
    const id = typeof value === 'string' ? databaseIdOf(value, 'Concert') : null;
    if (!id) return 'all';
    ids.push(id);
  }
  return ids;
}

/** Yoga stringifies a result with its own `stringify` when it has one: a kept result is stringified once. */
function withStringifiedOnce(result: ExecutionResult): ExecutionResult {
  let json: string | undefined;
  Object.defineProperty(result, 'stringify', { value: (shown: ExecutionResult) => (shown === result ? (json ??= JSON.stringify(result)) : JSON.stringify(shown)) });
  return result;
}
