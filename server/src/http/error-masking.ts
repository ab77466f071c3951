import { createGraphQLError, maskError, type YogaMaskedErrorOpts } from 'graphql-yoga';
import { isTransientDatabaseError } from '../db/transient-errors.ts';

export const UNAVAILABLE_CODE = 'SERVICE_UNAVAILABLE';

/**
 * Yoga masks every unexpected error as "Unexpected error." with no stack or SQL. Two refinements:
 * - the database being down, restarting or timing out is not a bug: clients get a retryable
 *   SERVICE_UNAVAILABLE instead, still with no SQL in it;
 * - in production `originalError` (stack, SQL text) is never attached, whatever NODE_ENV says.
 */
export function errorMasking({ production }: { production: boolean }): Partial<YogaMaskedErrorOpts> {
  return {
    ...(production ? { isDev: false } : {}),
    maskError(error, message, isDev) {
      if (isTransientDatabaseError(error)) {
        const { path, nodes } = error as { path?: readonly (string | number)[]; nodes?: never };
        return createGraphQLError(
          'The service is temporarily unavailable; retry shortly. A bookTickets retried with the same idempotencyKey is never booked twice.',
          { path, nodes, extensions: { code: UNAVAILABLE_CODE } },
        );
      }
      return maskError(error, message, production ? false : isDev);
    },
  };
}
