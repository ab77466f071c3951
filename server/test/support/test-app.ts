import { encodeGlobalID } from '@pothos/plugin-relay';
import { inject } from 'vitest';
import type { AppOptions } from '../../src/app-options.ts';
import { buildApp } from '../../src/app.ts';
import type { Database } from '../../src/db/client.ts';
import { concerts, ticketTiers } from '../../src/db/schema.ts';

export const testDatabaseUrl = () => inject('databaseUrl');
/** The run's partner key (every scope, no practical quota): what tests act as unless they say otherwise. */
export const testPartnerKey = () => inject('partnerKey');
export const partnerHeaders = () => ({ 'x-api-key': testPartnerKey() });

export interface RequestAs {
  /** Replaces the default identity (the test partner key); `{}` is an anonymous guest. */
  headers?: Record<string, string>;
}

// Per-address quotas are counted in the shared test database, and every test request comes from
// the same address: test files running side by side would spend one another's. Tests of a quota set
// their own.
const UNLIMITED = { max: 1_000_000, windowMs: 60_000 };

export function createTestApp(options: Partial<AppOptions> = {}) {
  return buildApp({ databaseUrl: testDatabaseUrl(), poolSize: 10, authSecret: TEST_AUTH_SECRET, holdQuota: UNLIMITED, joinQuota: UNLIMITED, ...options });
}

export const TEST_AUTH_SECRET = 'test-auth-secret-of-at-least-32-characters';

export type TestApp = ReturnType<typeof createTestApp>;

export interface GraphqlResponse<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** An HTTP GraphQL request through Yoga's fetch, with no port. */
export async function graphql<T = Record<string, any>>(
  app: TestApp,
  query: string,
  variables?: Record<string, unknown>,
  as: RequestAs = {},
): Promise<GraphqlResponse<T>> {
  const response = await app.yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(as.headers ?? partnerHeaders()) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphqlResponse<T>;
}

export interface TierSpec {
  name?: string;
  priceCents?: number;
  capacity: number;
  available?: number;
}

/** A concert of the test's own, so tests never depend on each other's data. */
/** A published concert with its tiers, straight into the tables; owned by `organizerId` if given (else by nobody). */
export async function createConcert(db: Database, tiers: TierSpec[], name = 'Test concert', organizerId: string | null = null) {
  const [concert] = await db
    .insert(concerts)
    .values({ name, venue: 'Test Hall', startsAt: new Date('2030-01-01T20:00:00Z'), organizerId })
    .returning();
  const tierRows = await db
    .insert(ticketTiers)
    .values(
      tiers.map((tier, position) => ({
        concertId: concert.id,
        name: tier.name ?? `Tier ${position + 1}`,
        priceCents: tier.priceCents ?? 1_000 * (position + 1),
        capacity: tier.capacity,
        available: tier.available ?? tier.capacity,
        position,
      })),
    )
    .returning();
  return {
    concert,
    tiers: tierRows,
    concertGid: encodeGlobalID('Concert', concert.id),
    tierGids: tierRows.map((tier) => encodeGlobalID('TicketTier', tier.id)),
  };
}

export const BOOK_TICKETS = /* GraphQL */ `
  mutation BookTickets($input: BookTicketsInput!) {
    bookTickets(input: $input) {
      __typename
      ... on BookTicketsSuccess {
        replayed
        booking { id status customerEmail total { cents currency } items { quantity unitPrice { cents } tier { id } } }
      }
      ... on Error { message }
      ... on SoldOutError { tierId requested available }
      ... on ValidationError { field }
      ... on NotFoundError { id }
    }
  }
`;

export function bookingInput(
  concertGid: string,
  items: [tierGid: string, quantity: number][],
  overrides: Partial<{ customerEmail: string; idempotencyKey: string }> = {},
) {
  return {
    input: {
      concertId: concertGid,
      items: items.map(([tierId, quantity]) => ({ tierId, quantity })),
      customerEmail: overrides.customerEmail ?? 'fan@example.com',
      idempotencyKey: overrides.idempotencyKey ?? crypto.randomUUID(),
    },
  };
}
