import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import { formatDate } from '../lib/format';
import { cancellationSummary, refundProblem } from '../organizer/cancellationProgress';

export const CancellationProgressFragment = graphql(/* GraphQL */ `
  fragment CancellationProgress_job on ConcertCancellation {
    status
    requestedAt
    finishedAt
    total
    bookingsCancelled
    refunded {
      cents
      currency
    }
    lastError
  }
`);

/** The refund job of a cancelled concert, as the route's polling re-reads it: refunded N of M, then the final state. */
export function CancellationProgress(props: { job: FragmentType<typeof CancellationProgressFragment>; reason: string | null }) {
  const job = useFragment(CancellationProgressFragment, props.job);
  const summary = cancellationSummary(job);
  const problem = refundProblem(job);
  return (
    <div className="cancellation" data-testid="cancellation-progress" data-status={job.status}>
      <p className="cancellation__headline" role="status" aria-live="polite">
        <strong>{summary.headline}</strong>
        <br />
        <span data-testid="cancellation-detail">{summary.detail}</span>
      </p>
      <progress className="cancellation__bar" max={Math.max(1, summary.of)} value={summary.of === 0 ? 1 : summary.done} aria-label="Bookings cancelled and refunded" />
      <p className="cancellation__meta">
        Requested {formatDate(job.requestedAt)}
        {job.finishedAt ? ` · finished ${formatDate(job.finishedAt)}` : ''}
        {props.reason ? ` · reason: ${props.reason}` : ''}
      </p>
      {problem ? <p className="form-error">{problem}</p> : null}
    </div>
  );
}
