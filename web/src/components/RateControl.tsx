import { useEffect, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import { validateRate } from '../waiting-room/roomSettings';
import { FormField } from './FormField';

export const RateControlFragment = graphql(/* GraphQL */ `
  fragment RateControl_settings on WaitingRoomSettings {
    admissionsPerMinute
  }
`);

// The answer carries the room as it now is; the cache (apollo.ts keys) updates figures and settings.
const SetWaitingRoomRateMutation = graphql(/* GraphQL */ `
  mutation SetWaitingRoomRate($concertId: ID!, $perMinute: Int!) {
    setWaitingRoomRate(concertId: $concertId, admissionsPerMinute: $perMinute) {
      __typename
      ... on WaitingRoomAdmin {
        settings {
          ...WaitingRoomSettingsForm_settings
        }
        status {
          concertId
          admissionsPerMinute
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

type RateState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; rate: number } | { kind: 'failed'; message: string; field: boolean };

/** Changes the admission rate while the line runs: the next tick already admits at the new rate. */
export function RateControl(props: { concertId: string; settings: FragmentType<typeof RateControlFragment> }) {
  const { concertId } = props;
  const current = useFragment(RateControlFragment, props.settings).admissionsPerMinute;
  const [setRate] = useMutation(SetWaitingRoomRateMutation);
  const [text, setText] = useState(String(current));
  const [state, setState] = useState<RateState>({ kind: 'idle' });
  // Saved settings may change the rate too; show the rate in force.
  useEffect(() => setText(String(current)), [current]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const rate = validateRate(text);
    if (typeof rate === 'string') return setState({ kind: 'failed', message: rate, field: true });
    setState({ kind: 'saving' });
    try {
      const { data } = await setRate({ variables: { concertId, perMinute: rate } });
      const result = data?.setWaitingRoomRate;
      if (result?.__typename === 'WaitingRoomAdmin') setState({ kind: 'saved', rate });
      else setState({ kind: 'failed', message: result?.message ?? 'The rate could not be changed.', field: result?.__typename === 'ValidationError' });
    } catch {
      setState({ kind: 'failed', message: 'We could not reach the box office; the rate may not have changed. Try again.', field: false });
    }
  }

  return (
    <form className="card rate-control" onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Admission rate">
      <h2>Admission rate</h2>
      <FormField id="live-rate" label="Shoppers admitted per minute" error={state.kind === 'failed' && state.field ? state.message : undefined}>
        {(control) => <input {...control} inputMode="numeric" value={text} onChange={(event) => setText(event.target.value)} />}
      </FormField>
      <button type="submit" className="button button--secondary" disabled={state.kind === 'saving'}>
        Change rate now
      </button>
      <p className={state.kind === 'failed' && !state.field ? 'form-error' : 'sales-controls__status'} role="status" data-testid="rate-status">
        {state.kind === 'saving'
          ? 'Saving…'
          : state.kind === 'saved'
            ? `Now admitting ${state.rate.toLocaleString('en-US')} per minute.`
            : state.kind === 'failed' && !state.field
              ? state.message
              : ''}
      </p>
    </form>
  );
}
