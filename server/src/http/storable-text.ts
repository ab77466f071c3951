import { BREAK, GraphQLError, Kind, OperationTypeNode, visit, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { hasUnstorableText, isStorableText, UNSTORABLE_TEXT } from '../db/storable-text.ts';

/**
 * Text Postgres cannot store (db/storable-text.ts) is refused before a mutation runs, as bad input,
 * over HTTP and graphql-ws alike, whether it came as a variable or as a literal: a tier name, a
 * cancellation reason or an email carrying U+0000 failed its statement, and the client got an
 * internal error. The contract's booking and payment mutations check their own text and answer
 * with a typed ValidationError naming the field, as for any other bad input: a mutation of those
 * alone is left to them. Queries and subscriptions take ids, which name nothing when malformed
 * (null, as the contract wants for node), and the one free-text filter (orders' search) checks its own.
 */
const CHECK_THEIR_OWN_TEXT = new Set(['__typename', 'bookTickets', 'holdTickets', 'payForBooking']);

const refusal = () => new GraphQLError(UNSTORABLE_TEXT, { extensions: { code: 'BAD_USER_INPUT' } });

/** The root field names of an operation, through fragments. */
function rootFieldNames(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, names = new Set<string>()): Set<string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) names.add(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) rootFieldNames(selection.selectionSet, fragments, names);
    else {
      const fragment = fragments.get(selection.name.value);
      if (fragment) rootFieldNames(fragment.selectionSet, fragments, names);
    }
  }
  return names;
}

/** Whether the operation is a mutation that does not check all of its own text; kept per document and operation name. */
const checkedOperations = new WeakMap<DocumentNode, Map<string, boolean>>();
function needsCheck(document: DocumentNode, operationName: string | null | undefined): boolean {
  const known = checkedOperations.get(document) ?? new Map<string, boolean>();
  checkedOperations.set(document, known);
  let answer = known.get(operationName ?? '');
  if (answer === undefined) {
    const operation = document.definitions.find(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION && (!operationName || definition.name?.value === operationName),
    );
    const fragments = new Map(
      document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
    );
    answer = operation?.operation === OperationTypeNode.MUTATION && [...rootFieldNames(operation.selectionSet, fragments)].some((name) => !CHECK_THEIR_OWN_TEXT.has(name));
    known.set(operationName ?? '', answer);
  }
  return answer;
}

const literalChecks = new WeakMap<DocumentNode, boolean>();

/** Whether a string literal of the document is unstorable; once per parsed document (Yoga reuses them). */
function literalUnstorable(document: DocumentNode): boolean {
  let found = literalChecks.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      StringValue(node) {
        if (isStorableText(node.value)) return undefined;
        found = true;
        return BREAK;
      },
    });
    literalChecks.set(document, found);
  }
  return found;
}

export function useStorableTextOnly(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (!needsCheck(args.document, args.operationName)) return;
      if (literalUnstorable(args.document) || (args.variableValues != null && hasUnstorableText(args.variableValues))) setResultAndStopExecution({ errors: [refusal()] });
    },
  };
}
