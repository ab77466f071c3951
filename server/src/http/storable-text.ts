import { BREAK, GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { hasUnstorableText, isStorableText, UNSTORABLE_TEXT } from '../db/storable-text.ts';

/**
 * Text Postgres cannot store (db/storable-text.ts) is refused before anything runs, as bad input,
 * over HTTP and graphql-ws alike, whether it came as a variable or as a literal: a tier name, a
 * cancellation reason or an email carrying U+0000 failed its statement, and the client got an
 * internal error. The contract's booking and payment mutations check their own text and answer
 * with a typed ValidationError naming the field, as for any other bad input: an operation of those
 * alone is left to them.
 */
const CHECK_THEIR_OWN_TEXT = new Set(['bookTickets', 'holdTickets', 'payForBooking']);

const refusal = () => new GraphQLError(UNSTORABLE_TEXT, { extensions: { code: 'BAD_USER_INPUT' } });

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

/** Whether every root field of the operation checks its own text (per document and operation name, kept). */
const selfCheckedOperations = new WeakMap<DocumentNode, Map<string, boolean>>();
function checksItsOwnText(document: DocumentNode, operationName: string | null | undefined): boolean {
  const known = selfCheckedOperations.get(document) ?? new Map<string, boolean>();
  selfCheckedOperations.set(document, known);
  let answer = known.get(operationName ?? '');
  if (answer === undefined) {
    const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION && (!operationName || definition.name?.value === operationName));
    answer =
      operation?.kind === Kind.OPERATION_DEFINITION &&
      operation.selectionSet.selections.every((selection) => selection.kind === Kind.FIELD && (selection.name.value === '__typename' || CHECK_THEIR_OWN_TEXT.has(selection.name.value)));
    known.set(operationName ?? '', answer);
  }
  return answer;
}

function unstorable(args: { document: DocumentNode; variableValues?: unknown; operationName?: string | null }) {
  if (checksItsOwnText(args.document, args.operationName)) return false;
  return literalUnstorable(args.document) || (args.variableValues != null && hasUnstorableText(args.variableValues));
}

export function useStorableTextOnly(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (unstorable(args)) setResultAndStopExecution({ errors: [refusal()] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      if (unstorable(args)) setResultAndStopExecution({ errors: [refusal()] });
    },
  };
}
