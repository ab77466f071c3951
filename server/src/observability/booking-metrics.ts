import { BookingError } from '../booking/errors.ts';
import type { Metrics } from './metrics.ts';

/**
 * Times one bookTickets call and counts its result by the GraphQL type the client sees. Expected
 * failures are BookingError subclasses named like their GraphQL types (graphql/types/booking-errors.ts);
 * anything else becomes a top-level error, counted as UnexpectedError.
 */
export async function measureBooking<T>(metrics: Metrics, book: () => Promise<T>): Promise<T> {
  const startedAt = performance.now();
  try {
    const result = await book();
    metrics.observeBooking('BookTicketsSuccess', (performance.now() - startedAt) / 1_000);
    return result;
  } catch (error) {
    const result = error instanceof BookingError ? error.constructor.name : 'UnexpectedError';
    metrics.observeBooking(result, (performance.now() - startedAt) / 1_000);
    throw error;
  }
}
