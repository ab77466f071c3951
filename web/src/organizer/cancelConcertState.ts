// The "Cancel concert" control's steps as one reducer: the component only draws the state it is in.
// Cancelling refunds every shopper, so it takes an explicit second step: the organizer types the
// concert's name and a reason that the shoppers' emails and the concert page carry.

export type CancelConcertState =
  | { kind: 'idle' }
  | { kind: 'confirming'; typed: string; reason: string; error: CancelProblem | null }
  | { kind: 'submitting'; typed: string; reason: string }
  /** The request got no answer: the concert may or may not be cancelled. Asking again is safe (the server answers ConcertAlreadyCancelledError). */
  | { kind: 'unknown'; typed: string; reason: string };

export interface CancelProblem {
  message: string;
  /** The input the server named (ValidationError.field), so the message sits by it. */
  field: 'reason' | null;
}

export type CancelConcertAction =
  | { type: 'open' }
  | { type: 'close' }
  | { type: 'typed'; value: string }
  | { type: 'reason'; value: string }
  | { type: 'submit' }
  | { type: 'rejected'; problem: CancelProblem }
  | { type: 'noAnswer' }
  | { type: 'started' };

export const initialCancelConcertState: CancelConcertState = { kind: 'idle' };

/** Case and surrounding spaces do not matter; every other character does, so a near miss cannot cancel. */
export function nameConfirms(typed: string, concertName: string): boolean {
  return typed.trim().toLocaleLowerCase() === concertName.trim().toLocaleLowerCase();
}

/** The same bounds as the server's (1 to 500 characters once trimmed), checked before sending. */
export function reasonProblem(reason: string): string | null {
  const length = reason.trim().length;
  if (length === 0) return 'Say why: shoppers are told the reason.';
  if (length > 500) return `Keep the reason to 500 characters (it has ${length}).`;
  return null;
}

export function cancelConcertReducer(state: CancelConcertState, action: CancelConcertAction): CancelConcertState {
  switch (action.type) {
    case 'open':
      return state.kind === 'idle' ? { kind: 'confirming', typed: '', reason: '', error: null } : state;
    case 'close':
      return state.kind === 'submitting' ? state : { kind: 'idle' };
    case 'typed':
      return state.kind === 'confirming' || state.kind === 'unknown' ? { ...state, kind: 'confirming', typed: action.value, error: null } : state;
    case 'reason':
      return state.kind === 'confirming' || state.kind === 'unknown' ? { ...state, kind: 'confirming', reason: action.value, error: null } : state;
    case 'submit':
      return state.kind === 'confirming' || state.kind === 'unknown' ? { kind: 'submitting', typed: state.typed, reason: state.reason } : state;
    case 'rejected':
      // By the server after a submit, or by the page's own check before sending.
      return state.kind === 'idle' ? state : { kind: 'confirming', typed: state.typed, reason: state.reason, error: action.problem };
    case 'noAnswer':
      return state.kind === 'submitting' ? { kind: 'unknown', typed: state.typed, reason: state.reason } : state;
    case 'started':
      return { kind: 'idle' };
  }
}
