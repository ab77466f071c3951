import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import { SalesStatusBadge } from './SalesStatusBadge';

export const SalesControlsFragment = graphql(/* GraphQL */ `
  fragment SalesControls_concert on Concert {
    id
    published
    salesStatus
  }
`);

// Each answer carries the concert as it now is; Apollo writes it under its id and the buttons flip.
export const SalesSwitchFragment = graphql(/* GraphQL */ `
  fragment SalesSwitch_result on ConcertChangeSuccess {
    concert {
      id
      published
      salesStatus
    }
  }
`);
const PauseSales = graphql(/* GraphQL */ `
  mutation PauseSales($concertId: ID!) {
    pauseSales(concertId: $concertId) {
      __typename
      ...SalesSwitch_result
    }
  }
`);
const ResumeSales = graphql(/* GraphQL */ `
  mutation ResumeSales($concertId: ID!) {
    resumeSales(concertId: $concertId) {
      __typename
      ...SalesSwitch_result
    }
  }
`);
const PublishConcert = graphql(/* GraphQL */ `
  mutation PublishConcert($concertId: ID!) {
    publishConcert(concertId: $concertId) {
      __typename
      ...SalesSwitch_result
    }
  }
`);
const UnpublishConcert = graphql(/* GraphQL */ `
  mutation UnpublishConcert($concertId: ID!) {
    unpublishConcert(concertId: $concertId) {
      __typename
      ...SalesSwitch_result
    }
  }
`);

const DONE = {
  pause: 'Sales paused. Shoppers’ open pages say so now.',
  resume: 'Sales resumed.',
  publish: 'Published: shoppers can see this concert.',
  unpublish: 'Unpublished: only organizers see this concert.',
} as const;
type Switch = keyof typeof DONE;

/** Publish or hide the concert, pause or resume its sales; the status line confirms each change as the server reports it. */
export function SalesControls(props: { concert: FragmentType<typeof SalesControlsFragment> }) {
  const concert = useFragment(SalesControlsFragment, props.concert);
  const mutations = {
    pause: useMutation(PauseSales)[0],
    resume: useMutation(ResumeSales)[0],
    publish: useMutation(PublishConcert)[0],
    unpublish: useMutation(UnpublishConcert)[0],
  };
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'busy'; action: Switch } | { kind: 'done'; message: string } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const busy = state.kind === 'busy';

  async function run(action: Switch) {
    setState({ kind: 'busy', action });
    try {
      const { data } = await mutations[action]({ variables: { concertId: concert.id } });
      const result = data ? (Object.values(data).find((value) => typeof value === 'object') as { __typename: string } | undefined) : undefined;
      setState(result?.__typename === 'ConcertChangeSuccess' ? { kind: 'done', message: DONE[action] } : { kind: 'failed', message: 'This concert no longer exists.' });
    } catch {
      // Each switch is idempotent, so trying again is safe.
      setState({ kind: 'failed', message: 'We could not reach the box office; nothing may have changed. Try again.' });
    }
  }

  const paused = concert.salesStatus === 'PAUSED';
  return (
    <div className="card sales-controls" role="group" aria-labelledby="sales-controls-title">
      <h2 id="sales-controls-title">Sales</h2>
      <p>
        {concert.published ? 'Published' : 'Draft (unpublished)'} · <SalesStatusBadge status={concert.salesStatus} />
      </p>
      <p className="sales-controls__buttons">
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => void run(concert.published ? 'unpublish' : 'publish')}>
          {concert.published ? 'Unpublish' : 'Publish'}
        </button>
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => void run(paused ? 'resume' : 'pause')}>
          {paused ? 'Resume sales' : 'Pause sales'}
        </button>
      </p>
      <p className={state.kind === 'failed' ? 'form-error' : 'sales-controls__status'} role="status" aria-live="polite" data-testid="sales-controls-status">
        {state.kind === 'busy' ? 'Saving…' : state.kind === 'done' || state.kind === 'failed' ? state.message : ''}
      </p>
    </div>
  );
}
