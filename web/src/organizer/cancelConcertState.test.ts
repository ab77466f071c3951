import { describe, expect, it } from 'vitest';
import { cancelConcertReducer, initialCancelConcertState, nameConfirms, reasonProblem, type CancelConcertAction, type CancelConcertState } from './cancelConcertState';

const run = (...actions: CancelConcertAction[]) => actions.reduce<CancelConcertState>(cancelConcertReducer, initialCancelConcertState);

describe('cancelConcertReducer', () => {
  it('asks for the name and a reason before sending', () => {
    expect(run({ type: 'open' }, { type: 'typed', value: 'Tour' }, { type: 'reason', value: 'Storm' })).toEqual({ kind: 'confirming', typed: 'Tour', reason: 'Storm', error: null });
  });

  it('keeps what was typed when the server refuses, with its message by the field', () => {
    const state = run({ type: 'open' }, { type: 'typed', value: 'Tour' }, { type: 'submit' }, { type: 'rejected', problem: { message: 'A reason is required', field: 'reason' } });
    expect(state).toEqual({ kind: 'confirming', typed: 'Tour', reason: '', error: { message: 'A reason is required', field: 'reason' } });
    expect(cancelConcertReducer(state, { type: 'reason', value: 'x' })).toMatchObject({ error: null });
  });

  it('takes the page’s own refusal before anything is sent', () => {
    expect(run({ type: 'open' }, { type: 'rejected', problem: { message: 'Say why', field: 'reason' } })).toMatchObject({ kind: 'confirming', error: { field: 'reason' } });
    expect(run({ type: 'rejected', problem: { message: 'Say why', field: 'reason' } })).toEqual({ kind: 'idle' });
  });

  it('says the outcome is unknown when no answer came, and lets the organizer ask again', () => {
    const unknown = run({ type: 'open' }, { type: 'submit' }, { type: 'noAnswer' });
    expect(unknown.kind).toBe('unknown');
    expect(cancelConcertReducer(unknown, { type: 'submit' }).kind).toBe('submitting');
  });

  it('cannot be closed or resubmitted while a request is out', () => {
    const submitting = run({ type: 'open' }, { type: 'submit' });
    expect(cancelConcertReducer(submitting, { type: 'close' })).toBe(submitting);
    expect(cancelConcertReducer(submitting, { type: 'submit' })).toBe(submitting);
  });

  it('goes back to idle once the job started: the concert then shows its progress', () => {
    expect(run({ type: 'open' }, { type: 'submit' }, { type: 'started' })).toEqual({ kind: 'idle' });
  });
});

describe('nameConfirms', () => {
  it('ignores case and outer spaces only', () => {
    expect(nameConfirms('  summer tour ', 'Summer Tour')).toBe(true);
    expect(nameConfirms('Summer Tou', 'Summer Tour')).toBe(false);
    expect(nameConfirms('', 'Summer Tour')).toBe(false);
  });
});

describe('reasonProblem', () => {
  it('wants 1 to 500 characters once trimmed', () => {
    expect(reasonProblem('   ')).toMatch(/Say why/);
    expect(reasonProblem('x'.repeat(501))).toMatch(/500/);
    expect(reasonProblem('The venue flooded')).toBeNull();
  });
});
