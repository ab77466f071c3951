import { Observable } from 'rxjs';
import { print } from 'graphql';
import type { Client } from 'graphql-ws';
import { ApolloLink } from '@apollo/client/link';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { sendsHashOnly } from './persistedDocuments';

// Apollo's GraphQLWsLink always sends the document text. The server's
// graphql-ws endpoint runs a registered operation when `query` is empty and
// extensions.persistedQuery names it, so this link honours the persisted-query
// link's decision the way HttpLink does. Errors are shaped as GraphQLWsLink
// shapes them, so the persisted-query link can still detect a miss and retry.
export function createWsLink(client: Client): ApolloLink {
  return new ApolloLink(
    (operation) =>
      new Observable<ApolloLink.Result>((observer) => {
        const { query, variables, operationName, extensions } = operation;
        const hashOnly = sendsHashOnly(operation.getContext()) && extensions.persistedQuery != null;
        return client.subscribe(
          { query: hashOnly ? '' : print(query), variables, operationName, extensions },
          {
            next: (result) => observer.next(result as ApolloLink.Result),
            complete: () => observer.complete(),
            error: (error: unknown) => observer.error(toError(error)),
          },
        );
      }),
  );
}

function toError(error: unknown): Error {
  if (error instanceof Error) return error;
  if (typeof error === 'object' && error && 'code' in error) {
    const { code, reason } = error as { code: number; reason?: string };
    return new Error(`Socket closed with event ${code}${reason ? ` ${reason}` : ''}`);
  }
  if (typeof error === 'object' && error && 'type' in error) return new Error('Socket error');
  const errors = Array.isArray(error) ? error : [error];
  return new CombinedGraphQLErrors({ errors: errors as ConstructorParameters<typeof CombinedGraphQLErrors>[0]['errors'] });
}
