import { describe, expect, it } from 'vitest';
import { initialSignInState, signInReducer, signInWords, type SignInAction, type SignInState } from './signInState';

const run = (actions: SignInAction[], from: SignInState = initialSignInState()) => actions.reduce(signInReducer, from);
const typed = (email: string, password = ''): SignInAction[] => [
  { type: 'emailChanged', email },
  { type: 'passwordChanged', password },
];

describe('signInReducer', () => {
  it('asks for a link with a trimmed email, then says to check the inbox', () => {
    const sent = run([...typed('  fan@example.com '), { type: 'submitted' }]);
    expect(sent.status).toEqual({ kind: 'submitting', email: 'fan@example.com' });
    const done = signInReducer(sent, { type: 'answered', result: { kind: 'ok' } });
    expect(done.status).toEqual({ kind: 'linkSent', email: 'fan@example.com' });
    expect(signInReducer(done, { type: 'restarted' }).status).toEqual({ kind: 'editing', errors: {} });
  });

  it('refuses locally what the server would refuse, on the field to fix', () => {
    expect(run([...typed('fan@'), { type: 'submitted' }]).status).toEqual({ kind: 'editing', errors: { email: signInWords.email } });
    const password = run([{ type: 'methodChosen', method: 'password' }, ...typed('fan@example.com'), { type: 'submitted' }]);
    expect(password.status).toEqual({ kind: 'editing', errors: { password: signInWords.password } });
    const signUp = run([{ type: 'methodChosen', method: 'signUp' }, ...typed('fan@example.com', 'short'), { type: 'submitted' }]);
    expect(signUp.status).toEqual({ kind: 'editing', errors: { password: signInWords.newPassword } });
  });

  it('signs in with a password, forgetting it once signed in', () => {
    const state = run([
      { type: 'methodChosen', method: 'password' },
      ...typed('fan@example.com', 'correct horse battery'),
      { type: 'submitted' },
      { type: 'answered', result: { kind: 'ok' } },
    ]);
    expect(state.status).toEqual({ kind: 'signedIn' });
    expect(state.password).toBe('');
  });

  it('maps the server’s refusals to sentences, and clears them as the shopper types', () => {
    const attempt = run([{ type: 'methodChosen', method: 'password' }, ...typed('fan@example.com', 'wrong password'), { type: 'submitted' }]);
    const wrong = signInReducer(attempt, { type: 'answered', result: { kind: 'rejected', code: 'INVALID_EMAIL_OR_PASSWORD' } });
    expect(wrong.status).toEqual({ kind: 'editing', errors: { form: signInWords.wrongPassword } });
    expect(signInReducer(wrong, { type: 'passwordChanged', password: 'x' }).status).toEqual({ kind: 'editing', errors: {} });

    const signUp = run([{ type: 'methodChosen', method: 'signUp' }, ...typed('fan@example.com', 'long enough password'), { type: 'submitted' }]);
    const exists = signInReducer(signUp, { type: 'answered', result: { kind: 'rejected', code: 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL' } });
    expect(exists.status).toEqual({ kind: 'editing', errors: { email: signInWords.accountExists } });
    const limited = signInReducer(signUp, { type: 'answered', result: { kind: 'rateLimited', retryAfterSeconds: 9 } });
    expect(limited.status).toEqual({ kind: 'editing', errors: { form: 'Too many attempts. Wait 9 seconds, then try again.' } });
    const offline = signInReducer(signUp, { type: 'answered', result: { kind: 'network' } });
    expect(offline.status).toEqual({ kind: 'editing', errors: { form: signInWords.network } });
    const odd = signInReducer(signUp, { type: 'answered', result: { kind: 'rejected', code: 'HTTP_500' } });
    expect(odd.status).toEqual({ kind: 'editing', errors: { form: signInWords.general } });
  });

  it('ignores edits, method changes and a second submit while one is in flight', () => {
    const inFlight = run([...typed('fan@example.com'), { type: 'submitted' }]);
    for (const action of [
      { type: 'submitted' },
      { type: 'emailChanged', email: 'other@example.com' },
      { type: 'methodChosen', method: 'password' },
    ] as SignInAction[]) {
      expect(signInReducer(inFlight, action)).toBe(inFlight);
    }
  });

  it('ignores an answer nobody is waiting for', () => {
    const idle = initialSignInState();
    expect(signInReducer(idle, { type: 'answered', result: { kind: 'ok' } })).toBe(idle);
  });

  it('starts with an error carried in from a failed link', () => {
    expect(initialSignInState('magicLink', 'That link expired.').status).toEqual({ kind: 'editing', errors: { form: 'That link expired.' } });
  });
});
