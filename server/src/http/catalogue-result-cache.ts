import { getOperationAST, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { TierCatalogue } from '../booking/tier-catalogue.ts';
import { ALL_CONCERTS_CHANNEL, parseAvailabilityNotice } from '../events/availability-channel.ts';
import type { PostgresListener } from '../events/postgres-listener.ts';
import { catalogueDependencyOf, type CatalogueDependency } from '../graphql/cacheable-operations.ts';
import { databaseIdOf } from '../graphql/global-id.ts';

export interface CatalogueResultsOptions {
  maxEntries?: number;
  /**
   * The longest a result is answered for. Changes forget results at once; this bounds what only the
   * clock changes (a concert going on sale or starting: its salesStatus).
   */
  maxAgeMs?: number;
  /** How long a guest who made a change reads the catalogue fresh rather than from a result. */
  writerFreshMs?: number;
}

type Result = ExecutionResult | Promise<ExecutionResult>;

interface Entry {
  result: Result;
  concerts: 'all' | string[];
  until: number;
}

/**
 * Results of public catalogue operations (concert pages, the catalogue list) computed for one
 * guest and answered to the next ones with the same operation and variables, so that an on-sale's
 * thousands of page loads cost one execution and one read per change instead of one each.
 *
 * Kept fresh by the notices that already keep the rest fresh: every availability change (the
 * all-concerts channel, observed beside the availability feed) forgets the results of its concert
 * and of the lists, every catalogue change does the same through the tier catalogue, and a lost
 * LISTEN connection forgets everything (and nothing is cached until it is back). So another
 * instance's commit reaches these results as fast as it reaches a live page, which is what a read
 * replica offers (`DATABASE_REPLICA_URLS`). A guest who just made a change on this instance reads
 * fresh for a while: its own hold shows at once, even before the notice arrives.
 */
export class CatalogueResults {
  private readonly entries = new Map<string, Entry>();
  private readonly keysByConcert = new Map<string, Set<string>>();
  private readonly listKeys = new Set<string>();
  private readonly recentWriters = new Map<string, number>();
  private generation = 0;
  private readonly maxEntries: number;
  private readonly maxAgeMs: number;
  private readonly writerFreshMs: number;

  constructor(
    private readonly isListening: () => boolean,
    options: CatalogueResultsOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? 1_000;
    this.maxAgeMs = options.maxAgeMs ?? 1_000;
    this.writerFreshMs = options.writerFreshMs ?? 5_000;
  }

  /** Whether results may be answered now: only while changes are being heard. */
  get usable() {
    return this.isListening();
  }

  /** Bumped by every change: an execution that saw one meanwhile may have read either side of it. */
  get version() {
    return this.generation;
  }

  get(key: string): Result | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until > Date.now()) return entry.result;
    this.delete(key);
    return undefined;
  }

  set(key: string, result: Result, concerts: 'all' | string[]) {
    this.delete(key);
    if (this.entries.size >= this.maxEntries) this.delete(this.entries.keys().next().value!);
    this.entries.set(key, { result, concerts, until: Date.now() + this.maxAgeMs });
    if (concerts === 'all') this.listKeys.add(key);
    else {
      for (const concertId of concerts) {
        let keys = this.keysByConcert.get(concertId);
        if (!keys) this.keysByConcert.set(concertId, (keys = new Set()));
        keys.add(key);
      }
    }
  }

  delete(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    if (entry.concerts === 'all') this.listKeys.delete(key);
    else for (const concertId of entry.concerts) this.keysByConcert.get(concertId)?.delete(key);
  }

  /** A concert changed: its pages and every list are computed again when next asked for. */
  forgetConcert(concertId: string) {
    this.generation += 1;
    for (const key of this.keysByConcert.get(concertId) ?? []) this.delete(key);
    this.keysByConcert.delete(concertId);
    for (const key of this.listKeys) this.delete(key);
  }

  forgetAll() {
    this.generation += 1;
    this.entries.clear();
    this.keysByConcert.clear();
    this.listKeys.clear();
  }

  wrote(client: string) {
    if (this.recentWriters.size >= this.maxEntries * 10) this.recentWriters.clear();
    this.recentWriters.set(client, Date.now() + this.writerFreshMs);
  }

  wroteRecently(client: string) {
    const until = this.recentWriters.get(client);
    if (until === undefined) return false;
    if (until > Date.now()) return true;
    this.recentWriters.delete(client);
    return false;
  }
}

/** Results forgotten on every change this process hears of, from the listener and the tier catalogue. */
export function createCatalogueResults(listener: PostgresListener, tierCatalogue: TierCatalogue, options?: CatalogueResultsOptions) {
  const results = new CatalogueResults(() => listener.connected, options);
  const stopObserving = listener.observe(ALL_CONCERTS_CHANNEL, {
    notification: (payload) => {
      const notice = parseAvailabilityNotice(payload);
      if (notice) results.forgetConcert(notice.concertId);
      else results.forgetAll();
    },
    resync: () => results.forgetAll(),
  });
  const stopWatching = tierCatalogue.onChange((concertId) => (concertId === null ? results.forgetAll() : results.forgetConcert(concertId)));
  return {
    results,
    stop() {
      stopObserving();
      stopWatching();
    },
  };
}

interface CacheableOperation {
  mutation: boolean;
  dependency: CatalogueDependency | null;
  /** The operation's own variables: a result is keyed by their values only, so extra ones sent along cannot split it. */
  variables: string[];
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
  const operations = new WeakMap<DocumentNode, Map<string, CacheableOperation>>();
  const documentIds = new WeakMap<DocumentNode, number>();
  let nextDocumentId = 0;

  const operationOf = (args: ExecutionArgs): CacheableOperation => {
    let byName = operations.get(args.document);
    if (!byName) operations.set(args.document, (byName = new Map()));
    const name = args.operationName ?? '';
    let operation = byName.get(name);
    if (!operation) {
      const definition = getOperationAST(args.document, args.operationName);
      const mutation = definition?.operation === 'mutation';
      const dependency = mutation ? null : catalogueDependencyOf(args.schema, args.document, args.operationName);
      byName.set(name, (operation = { mutation, dependency, variables: definition?.variableDefinitions?.map((v) => v.variable.name.value) ?? [] }));
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
      let documentId = documentIds.get(args.document);
      if (documentId === undefined) documentIds.set(args.document, (documentId = nextDocumentId++));
      const variables = args.variableValues ?? {};
      const key = `${documentId}\u0000${args.operationName ?? ''}\u0000${JSON.stringify(operation.variables.map((name) => variables[name] ?? null))}`;
      if (key.length > MAX_KEY_LENGTH) return;
      const kept = results.get(key);
      options.count?.(kept ? 'hit' : 'miss');
      if (kept) return void setExecuteFn(() => kept);
      // Kept as pending before this request executes, so the guests arriving meanwhile wait for it.
      const concerts = concertsOf(operation.dependency, variables);
      const version = results.version;
      let settle!: (outcome: Result) => void;
      let settled = false;
      const pending = new Promise<ExecutionResult>((resolve) => (settle = resolve));
      // A failed execution is its own request's error; waiters see it through their own chains.
      pending.catch(() => {});
      results.set(key, pending, concerts);
      const finish = (outcome: Result, result: ExecutionResult | null) => {
        if (settled) return;
        settled = true;
        // Kept only if nothing changed while it was computed, and only what every guest would get.
        if (!result || result.errors?.length || results.version !== version || isAsyncIterable(result)) results.delete(key);
        else results.set(key, withStringifiedOnce(result), concerts);
        settle(outcome);
      };
      setExecuteFn((executionArgs) => {
        const execution = Promise.resolve(executeFn(executionArgs) as Result);
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

function isAsyncIterable(value: unknown): boolean {
  return typeof (value as AsyncIterable<unknown>)?.[Symbol.asyncIterator] === 'function';
}
