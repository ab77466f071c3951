import { useReducer, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import { cancelConcertReducer, initialCancelConcertState, nameConfirms, reasonProblem } from '../organizer/cancelConcertState';
import { CancellationProgress } from './CancellationProgress';
import { FormError } from './FormError';
import './cancelConcert.css';

export const CancelConcertFragment = graphql(/* GraphQL */ `
  fragment CancelConcert_concert on Concert {
    id
    name
    cancellationReason
    cancellation {
      ...CancellationProgress_job
    }
  }
`);

// The answer carries the concert with its new job; Apollo writes it under the concert's id and this
// control turns into the progress. Asked twice, the server names the job already under way instead.
export const CancelConcertMutation = graphql(/* GraphQL */ `
  mutation CancelConcert($concertId: ID!, $reason: String!) {
    cancelConcert(concertId: $concertId, reason: $reason) {
      __typename
      ... on CancelConcertSuccess {
        concert {
          id
          salesStatus
          cancelledAt
          cancellationReason
          cancellation {
            ...CancellationProgress_job
          }
        }
      }
      ... on Error {
        message
      }
      ... on ValidationError {
        field
      }
    }
  }
`);

/** "Cancel concert", confirmed by typing the concert's name; then the refund job's progress. */
export function CancelConcert(props: { concert: FragmentType<typeof CancelConcertFragment> }) {
  const concert = useFragment(CancelConcertFragment, props.concert);
  const [state, dispatch] = useReducer(cancelConcertReducer, initialCancelConcertState);
  const [cancelConcert] = useMutation(CancelConcertMutation, {
    // Already cancelled (by another organizer or an earlier try): re-read the concert to show that job.
    refetchQueries: ({ data }) => (data?.cancelConcert.__typename === 'ConcertAlreadyCancelledError' ? ['OrganizerConcert'] : []),
  });

  if (concert.cancellation) {
    return (
      <section className="card danger-zone" aria-labelledby="cancel-concert-title">
        <h2 id="cancel-concert-title">Concert cancelled</h2>
        <CancellationProgress job={concert.cancellation} reason={concert.cancellationReason ?? null} />
      </section>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (state.kind !== 'confirming' && state.kind !== 'unknown') return;
    const problem = reasonProblem(state.reason);
    if (problem) return dispatch({ type: 'rejected', problem: { message: problem, field: 'reason' } });
    dispatch({ type: 'submit' });
    try {
      const { data } = await cancelConcert({ variables: { concertId: concert.id, reason: state.reason.trim() } });
      const result = data?.cancelConcert;
      if (result?.__typename === 'CancelConcertSuccess' || result?.__typename === 'ConcertAlreadyCancelledError') dispatch({ type: 'started' });
      else if (result?.__typename === 'ValidationError') dispatch({ type: 'rejected', problem: { message: result.message, field: result.field === 'reason' ? 'reason' : null } });
      else dispatch({ type: 'rejected', problem: { message: result?.message ?? 'The concert could not be cancelled.', field: null } });
    } catch {
      dispatch({ type: 'noAnswer' });
    }
  }

  const open = state.kind !== 'idle';
  const typed = open ? state.typed : '';
  const reason = open ? state.reason : '';
  const error = state.kind === 'confirming' ? state.error : null;
  const busy = state.kind === 'submitting';
  return (
    <section className="card danger-zone" aria-labelledby="cancel-concert-title">
      <h2 id="cancel-concert-title">Cancel this concert</h2>
      <p>Holds and bookings stop at once; every booking is cancelled, paid tickets are refunded to their cards, and every shopper is emailed. This cannot be undone.</p>
      {!open ? (
        <button type="button" className="button button--danger" onClick={() => dispatch({ type: 'open' })}>
          Cancel concert
        </button>
      ) : (
        <form className="danger-zone__form" aria-label="Confirm cancelling the concert" onSubmit={(event) => void submit(event)}>
          <label className="field">
            <span>Reason (shoppers are told)</span>
            <textarea value={reason} rows={2} maxLength={600} aria-invalid={error?.field === 'reason' || undefined} aria-describedby={error?.field === 'reason' ? 'cancel-concert-error' : undefined} onChange={(event) => dispatch({ type: 'reason', value: event.target.value })} />
          </label>
          <label className="field">
            <span>
              Type <strong>{concert.name}</strong> to confirm
            </span>
            <input type="text" value={typed} autoComplete="off" onChange={(event) => dispatch({ type: 'typed', value: event.target.value })} />
          </label>
          {error ? (
            <p id="cancel-concert-error" className="form-error" role="alert">
              {error.message}
            </p>
          ) : null}
          <FormError message={state.kind === 'unknown' ? 'We could not reach the box office, so the concert may or may not be cancelled. Trying again is safe: it is never cancelled twice.' : undefined} />
          <p className="sales-controls__buttons">
            <button type="submit" className="button button--danger" disabled={busy || !nameConfirms(typed, concert.name)}>
              {busy ? 'Cancelling…' : 'Cancel concert and refund everyone'}
            </button>
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => dispatch({ type: 'close' })}>
              Keep the concert
            </button>
          </p>
        </form>
      )}
    </section>
  );
}
