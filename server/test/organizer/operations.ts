import { encodeGlobalID } from '@pothos/plugin-relay';
import { graphql, type TestApp } from '../support/test-app.ts';

// The back office's operations, as the organizer tests send them.

const CONCERT_FIELDS = 'id name published salesStatus onSaleAt maxTicketsPerOrder tiers { id name capacity available price { cents } }';

export const CREATE_CONCERT = /* GraphQL */ `
  mutation CreateConcert($input: CreateConcertInput!) {
    createConcert(input: $input) {
      __typename
      ... on ConcertChangeSuccess { concert { ${CONCERT_FIELDS} } }
      ... on ValidationError { message field }
    }
  }
`;

export const UPDATE_CONCERT = /* GraphQL */ `
  mutation UpdateConcert($id: ID!, $input: UpdateConcertInput!) {
    updateConcert(id: $id, input: $input) {
      __typename
      ... on ConcertChangeSuccess { concert { ${CONCERT_FIELDS} } }
      ... on Error { message }
      ... on ValidationError { field }
    }
  }
`;

export const UPDATE_TIER = /* GraphQL */ `
  mutation UpdateTier($id: ID!, $input: UpdateTierInput!) {
    updateTier(id: $id, input: $input) {
      __typename
      ... on TierChangeSuccess { tier { id name capacity available price { cents } } }
      ... on CapacityBelowSoldError { sold held requested message }
      ... on Error { message }
    }
  }
`;

export const ADD_TIER = /* GraphQL */ `
  mutation AddTier($concertId: ID!, $input: TierInput!) {
    addTier(concertId: $concertId, input: $input) {
      __typename
      ... on TierChangeSuccess { tier { id name capacity available price { cents } } }
      ... on Error { message }
    }
  }
`;

export type ConcertSwitch = 'pauseSales' | 'resumeSales' | 'publishConcert' | 'unpublishConcert';

export const switchOperation = (name: ConcertSwitch) => /* GraphQL */ `
  mutation Switch($concertId: ID!) {
    ${name}(concertId: $concertId) {
      __typename
      ... on ConcertChangeSuccess { concert { id published salesStatus } }
      ... on Error { message }
    }
  }
`;

export const HOLD_TICKETS = /* GraphQL */ `
  mutation Hold($input: BookTicketsInput!) {
    holdTickets(input: $input) {
      __typename
      ... on HoldTicketsSuccess { booking { id items { unitPrice { cents } } } }
      ... on NotOnSaleError { message concertId reason opensAt }
      ... on ValidationError { message field }
      ... on Error { message }
    }
  }
`;

export const BOOK = /* GraphQL */ `
  mutation Book($input: BookTicketsInput!) {
    bookTickets(input: $input) {
      __typename
      ... on BookTicketsSuccess { booking { id total { cents } items { unitPrice { cents } } } }
      ... on NotOnSaleError { message concertId reason opensAt }
      ... on Error { message }
    }
  }
`;

export const HOUR = 3_600_000;

/** A concert made through createConcert by `organizer`, published unless asked not to. */
export async function concertOfOrganizer(
  app: TestApp,
  organizer: { headers: Record<string, string> },
  options: { publish?: boolean; input?: Record<string, unknown>; tiers?: { name: string; priceCents: number; capacity: number }[] } = {},
) {
  const created = await graphql(
    app,
    CREATE_CONCERT,
    {
      input: {
        name: 'Organizer test concert',
        venue: 'Test Hall',
        timeZone: 'Europe/Paris',
        startsAt: new Date(Date.now() + 30 * 24 * HOUR).toISOString(),
        tiers: options.tiers ?? [{ name: 'GA', priceCents: 5_000, capacity: 100 }],
        ...options.input,
      },
    },
    { headers: organizer.headers },
  );
  const concert = created.data?.createConcert.concert;
  if (!concert) throw new Error(`createConcert failed: ${JSON.stringify(created)}`);
  if (options.publish ?? true) await graphql(app, switchOperation('publishConcert'), { concertId: concert.id }, { headers: organizer.headers });
  return { concertGid: concert.id as string, tierGids: (concert.tiers as { id: string }[]).map((tier) => tier.id), concert };
}

export const tierGidOf = (tierId: string) => encodeGlobalID('TicketTier', tierId);
