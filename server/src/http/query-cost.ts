import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

export interface QueryCostOptions {
  maxCost: number;
  /** Longest list argument (`nodes(ids:)`): each item is a lookup of its own. */
  maxListArgument: number;
  code: string;
}

// graphql-armor's weights, so limits.ts's figures keep their meaning: a leaf costs 1, an object 2
// plus its children, each level down weighs 1.5×, and a page of `first`/`last` (or a list of ids)
// multiplies its whole subtree.
const SCALAR_COST = 1;
// Pothos relay's defaultConnectionSize: the page a connection answers when none is asked for.
const DEFAULT_PAGE_SIZE = 20;
const OBJECT_COST = 2;
const DEPTH_FACTOR = 1.5;

class ListArgumentTooLong extends Error {
  constructor(readonly field: string, readonly argument: string, readonly length: number) {
    super();
  }
}

function selectOperation(document: DocumentNode, operationName?: string | null) {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  return operationName ? operations.find((operation) => operation.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
}

type CostResult = { cost: number } | { tooLong: ListArgumentTooLong };

const containsVariable = (value: ValueNode): boolean =>
  value.kind === Kind.VARIABLE ||
  (value.kind === Kind.LIST && value.values.some(containsVariable)) ||
  (value.kind === Kind.OBJECT && value.fields.some((field) => containsVariable(field.value)));

// Most operations (every booking, every page of the web app) have a cost no variable can change:
// theirs is computed once per parsed document (Yoga reuses the DocumentNode of a query it has seen)
// instead of on every request.
const fixedCosts = new WeakMap<DocumentNode, Map<string, CostResult>>();

/**
 * The cost of the operation as it will run: arguments are coerced with the request's variables, so
 * `first: $first` counts as the number sent (graphql-armor's validation rule sees only literals).
 * Null when the operation or its variables are invalid: execution reports that itself.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, rawVariables: Record<string, unknown> | null | undefined, maxListArgument: number): CostResult | null {
  const cached = fixedCosts.get(document)?.get(operationName ?? '');
  if (cached) return cached;
  const operation = selectOperation(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {}, { maxErrors: 1 });
  if (coerced.errors) return null;
  const variables = coerced.coerced;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  /** Whether a multiplying argument (first, last, a list) came from a variable: then the cost is this request's alone. */
  let dependsOnVariables = false;

  function selectionCost(selectionSet: SelectionSetNode, parent: GraphQLNamedType | undefined): number {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += selectionCost(selection.selectionSet, type);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) total += selectionCost(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value));
      } else {
        if (selection.name.value === '__schema') continue;
        const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[selection.name.value] : undefined;
        if (!selection.selectionSet) {
          total += SCALAR_COST;
          continue;
        }
        let multiplier = 1;
        if (field) {
          const args = getArgumentValues(field, selection, variables);
          for (const argument of selection.arguments ?? []) {
            const definition = field.args.find((arg) => arg.name === argument.name.value);
            const multiplies = argument.name.value === 'first' || argument.name.value === 'last' || (definition && isListType(getNullableType(definition.type)));
            if (multiplies && containsVariable(argument.value)) dependsOnVariables = true;
          }
          // A connection asked for without first/last still answers a page of the default size.
          if (field.args.some((arg) => arg.name === 'first') && args.first == null && args.last == null) multiplier = DEFAULT_PAGE_SIZE;
          for (const [name, value] of Object.entries(args)) {
            if ((name === 'first' || name === 'last') && typeof value === 'number') multiplier = Math.max(multiplier, value);
            if (Array.isArray(value)) {
              if (value.length > maxListArgument) throw new ListArgumentTooLong(selection.name.value, name, value.length);
              multiplier = Math.max(multiplier, value.length);
            }
          }
        }
        total += (OBJECT_COST + DEPTH_FACTOR * selectionCost(selection.selectionSet, field && getNamedType(field.type))) * multiplier;
      }
    }
    return total;
  }

  let result: CostResult;
  try {
    result = { cost: selectionCost(operation.selectionSet, root) };
  } catch (error) {
    if (!(error instanceof ListArgumentTooLong)) return null; // an argument that does not coerce: execution answers with graphql-js's own error
    result = { tooLong: error };
  }
  if (!dependsOnVariables) {
    const byOperation = fixedCosts.get(document) ?? new Map<string, CostResult>();
    byOperation.set(operationName ?? '', result);
    fixedCosts.set(document, byOperation);
  }
  return result;
}

/**
 * Refuses an operation over the cost limit, or with too long a list argument, after its variables
 * are known and before anything runs: HTTP and graphql-ws operations (both run these hooks).
 */
export function useQueryCost(options: QueryCostOptions): Plugin {
  const check = (args: { schema: GraphQLSchema; document: DocumentNode; operationName?: string | null; variableValues?: Record<string, unknown> | null }) => {
    const result = operationCost(args.schema, args.document, args.operationName, args.variableValues, options.maxListArgument);
    if (!result) return null;
    const extensions = { code: options.code, http: { status: 400 } };
    if ('tooLong' in result) {
      const { field, argument, length } = result.tooLong!;
      return createGraphQLError(`${field}(${argument}:) takes at most ${options.maxListArgument} ${argument}, got ${length}`, { extensions });
    }
    if (result.cost > options.maxCost) {
      return createGraphQLError(`Query Cost limit of ${options.maxCost} exceeded, found ${Math.round(result.cost)}.`, { extensions });
    }
    return null;
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const error = check(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = check(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
