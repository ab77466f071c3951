import { formatMoney, type Money } from '../lib/format';

// What the organizer reads while a cancelled concert's bookings are cancelled and refunded.

export interface CancellationJob {
  status: 'RUNNING' | 'DONE';
  total: number;
  bookingsCancelled: number;
  refunded: Money;
  lastError?: string | null;
}

export interface CancellationSummary {
  headline: string;
  detail: string;
  /** For the progress bar; a job with nothing to cancel is whole. */
  done: number;
  of: number;
}

const bookingsWord = (n: number) => `${n} booking${n === 1 ? '' : 's'}`;

export function cancellationSummary(job: CancellationJob): CancellationSummary {
  const refunded = formatMoney(job.refunded);
  const of = Math.max(job.total, job.bookingsCancelled);
  // The server raises the total for late bookings (priced before the cancellation was heard of); the bar never runs past its end either way.
  const done = Math.min(job.bookingsCancelled, of);
  if (job.status === 'DONE') {
    // Bookings live at the start that the job did not cancel had ended meanwhile on their own.
    const endedMeanwhile = of - done;
    const howTheyEnded = '(holds that expired or were released, or bookings their shoppers cancelled)';
    return {
      headline: 'Concert cancelled: every booking is cancelled and refunded',
      detail:
        of === 0
          ? 'There were no bookings to cancel.'
          : endedMeanwhile === 0
            ? `${done} of ${bookingsWord(of)} cancelled · ${refunded} refunded.`
            : done === 0
              ? `All ${bookingsWord(of)} had ended on their own before the job reached them ${howTheyEnded}.`
              : `${done} of ${bookingsWord(of)} cancelled · ${refunded} refunded; the other ${endedMeanwhile} had ended on their own ${howTheyEnded}.`,
      done: of,
      of,
    };
  }
  return {
    headline: 'Cancelling bookings and refunding shoppers…',
    detail: `Refunded so far: ${refunded} · ${done} of ${bookingsWord(of)} cancelled.`,
    done,
    of,
  };
}

/** A refused refund is tried again by the job; the organizer should know it is not stuck. */
export function refundProblem(job: CancellationJob): string | null {
  return job.lastError ? `The card processor refused a refund (${job.lastError}); it will be tried again.` : null;
}
