import { BREAK, GraphQLError, visit, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Postgres text cannot hold U+0000 ("invalid byte sequence for encoding UTF8: 0x00"): a tier name,
 * a cancellation reason or an email carrying one failed its statement, and the client got an
 * internal error. Such text is refused before anything runs, as bad input, over HTTP and graphql-ws
 * alike, whether it came as a variable or as a literal in the document.
 */
export const NUL_REFUSED = 'Text may not contain the NUL character (U+0000).';

const nulRefused = () => new GraphQLError(NUL_REFUSED, { extensions: { code: 'BAD_USER_INPUT' } });

const documentsWithNul = new WeakMap<DocumentNode, boolean>();

/** Whether a string literal of the document holds U+0000; once per parsed document (Yoga reuses them). */
function literalHasNul(document: DocumentNode): boolean {
  let found = documentsWithNul.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      StringValue(node) {
        if (!node.value.includes('\0')) return undefined;
        found = true;
        return BREAK;
      },
    });
    documentsWithNul.set(document, found);
  }
  return found;
}

/** Whether any string in a parsed JSON value (or a key of its objects) holds U+0000. A loop, not recursion: JSON may nest deeper than the stack. */
export function containsNul(json: unknown): boolean {
  const pending: unknown[] = [json];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (value.includes('\0')) return true;
    } else if (Array.isArray(value)) {
      for (const item of value) pending.push(item);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes('\0')) return true;
        pending.push(item);
      }
    }
  }
  return false;
}

const hasNul = (document: DocumentNode, variables: unknown) => literalHasNul(document) || (variables != null && containsNul(variables));

export function useNulTextRefusal(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (hasNul(args.document, args.variableValues)) setResultAndStopExecution({ errors: [nulRefused()] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      if (hasNul(args.document, args.variableValues)) setResultAndStopExecution({ errors: [nulRefused()] });
    },
  };
}
