import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';
import { MAX_NODE_IDS } from '../graphql/types/node.ts';
import { useQueryCost } from './query-cost.ts';

/** Bodies over this are refused with 413 before they are read to the end (HTTP) or the socket is closed (ws maxPayload). */
export const MAX_REQUEST_BYTES = 64 * 1024;

/**
 * What one operation may ask for. The web app's deepest operation (a booking's items' tier's price)
 * is 5 levels, ~150 tokens and costs < 200, so these leave partners room while refusing the shapes that
 * exist only to exhaust the server: cyclic nesting (tier → concert → tiers → concert …), alias
 * fan-out (one request asking for a field hundreds of times), directive and token floods.
 * The cost (query-cost.ts, graphql-armor's weights) multiplies a field's cost by its `first`, literal
 * or variable, and by the length of a list of ids, so the cost limit is set to let a whole catalogue
 * page at the connection maximum (`concerts(first: 100)` with every field costs ≈11,800) through, and
 * refuses several such pages in one request. `nodes(ids:)` takes at most MAX_NODE_IDS ids.
 * limits.test.ts checks that every persisted web operation stays within them.
 */
export const queryLimits = {
  maxDepth: 8,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 1_000,
  maxCost: 20_000,
} as const;

export const LIMIT_ERROR_CODE = 'QUERY_LIMIT_EXCEEDED';

/**
 * graphql-armor reports a rejection by throwing from inside graphql-js's validation, which ends up
 * as an unmasked syntax error without a code. Reporting it to the validation context instead makes
 * it an ordinary validation error (HTTP 400 / a graphql-ws error message) that clients can tell
 * apart by `extensions.code`. The token limit runs in the parser, which has no such context: there
 * the coded error is thrown and surfaces as a syntax error.
 */
const report = (context: ValidationContext | null, error: GraphQLError) => {
  const coded = new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: LIMIT_ERROR_CODE } });
  if (context) context.reportError(coded);
  else throw coded;
};
const rejection = { onReject: [report], propagateOnRejection: false };

/**
 * Envelop plugins for the limits, shared by HTTP and graphql-ws (both run yoga.getEnveloped).
 * Field suggestions ("Did you mean …?") map the schema for anyone probing it; production hides them.
 */
export function limitPlugins({ production }: { production: boolean }) {
  const armor = new EnvelopArmor({
    blockFieldSuggestion: { enabled: production },
    maxDepth: { n: queryLimits.maxDepth, flattenFragments: true, ...rejection },
    maxAliases: { n: queryLimits.maxAliases, ...rejection },
    maxDirectives: { n: queryLimits.maxDirectives, ...rejection },
    maxTokens: { n: queryLimits.maxTokens, ...rejection },
    // Its cost rule sees only literals; useQueryCost runs once variables are known.
    costLimit: { enabled: false },
  }).protect().plugins;
  return [...armor, useQueryCost({ maxCost: queryLimits.maxCost, maxListArgument: MAX_NODE_IDS, code: LIMIT_ERROR_CODE })];
}
