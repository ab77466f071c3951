import type { Plugin } from 'graphql-yoga';
import { MAX_ECHO_LENGTH } from '../graphql/global-id.ts';

/** A backstop: no error message is longer than this, whatever it quotes. */
const MAX_MESSAGE_LENGTH = 1_000;
// A double-quoted value as graphql-js prints one in a message, escapes included.
const QUOTED = /"((?:[^"\\]|\\.)*)"/g;

export function boundMessage(message: string): string {
  const clipped = message.replace(QUOTED, (whole, inner: string) => (inner.length > MAX_ECHO_LENGTH ? `"${inner.slice(0, MAX_ECHO_LENGTH)}…"` : whole));
  return clipped.length > MAX_MESSAGE_LENGTH ? `${clipped.slice(0, MAX_MESSAGE_LENGTH)}…` : clipped;
}

function bound(errors: readonly Error[] | undefined) {
  for (const error of errors ?? []) {
    const message = boundMessage(error.message);
    if (message !== error.message) error.message = message;
  }
}

/**
 * graphql-js quotes a wrongly typed value in its errors ("Variable "$first" got invalid value "…"",
 * twice): a 60 KB variable came back as a 120 KB answer. Every validation and execution error, over
 * HTTP and graphql-ws (both run these hooks), quotes at most MAX_ECHO_LENGTH characters of any value.
 */
export function useBoundedErrorMessages(): Plugin {
  return {
    onValidate() {
      return ({ result }) => bound(result);
    },
    onExecute() {
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result) return;
          bound(result.errors);
        },
      };
    },
    onSubscribe() {
      return {
        onSubscribeResult({ result }) {
          if (!(Symbol.asyncIterator in result)) bound(result.errors);
        },
      };
    },
  };
}
