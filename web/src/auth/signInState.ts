import { isValidEmail } from '../../../shared/booking-limits';
import type { AuthResult } from './authClient';

// The sign-in forms as a state machine: what was typed (draft), which way to sign in (method) and
// where the attempt stands (status). The components only draw it (routes/SignInRoute.tsx).

export type SignInMethod = 'magicLink' | 'password' | 'signUp';

/** The server's limits (server/src/auth/auth.ts). */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

export interface SignInErrors {
  email?: string;
  password?: string;
  form?: string;
}

export type SignInStatus =
  | { kind: 'editing'; errors: SignInErrors }
  | { kind: 'submitting'; email: string }
  | { kind: 'linkSent'; email: string }
  | { kind: 'signedIn' };

export interface SignInState {
  method: SignInMethod;
  email: string;
  password: string;
  status: SignInStatus;
}

export type SignInAction =
  | { type: 'methodChosen'; method: SignInMethod }
  | { type: 'emailChanged'; email: string }
  | { type: 'passwordChanged'; password: string }
  | { type: 'submitted' }
  | { type: 'answered'; result: AuthResult }
  /** "Use another email" after a link was sent. */
  | { type: 'restarted' };

export const signInWords = {
  email: 'Enter your email address, like name@example.com.',
  password: 'Enter your password.',
  newPassword: `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`,
  longPassword: `Use at most ${MAX_PASSWORD_LENGTH} characters.`,
  wrongPassword: 'That email and password do not match an account. Check them, or get a sign-in link by email instead.',
  accountExists: 'There is already an account with this email. Sign in instead, or get a sign-in link by email.',
  network: 'We could not reach the box office. Check your connection and try again.',
  rateLimited: (seconds: number) => `Too many attempts. Wait ${seconds} seconds, then try again.`,
  general: 'We could not sign you in. Try again in a moment.',
};

export const initialSignInState = (method: SignInMethod = 'magicLink', error?: string): SignInState => ({
  method,
  email: '',
  password: '',
  status: { kind: 'editing', errors: error ? { form: error } : {} },
});

const editing = (errors: SignInErrors = {}): SignInStatus => ({ kind: 'editing', errors });
const errorsOf = (status: SignInStatus) => (status.kind === 'editing' ? status.errors : {});

export function signInReducer(state: SignInState, action: SignInAction): SignInState {
  const busy = state.status.kind === 'submitting' || state.status.kind === 'signedIn';
  switch (action.type) {
    case 'methodChosen':
      if (busy) return state;
      return { ...state, method: action.method, password: '', status: editing() };
    case 'emailChanged':
      if (busy) return state;
      return { ...state, email: action.email, status: editing({ ...errorsOf(state.status), email: undefined, form: undefined }) };
    case 'passwordChanged':
      if (busy) return state;
      return { ...state, password: action.password, status: editing({ ...errorsOf(state.status), password: undefined, form: undefined }) };
    case 'restarted':
      if (state.status.kind !== 'linkSent') return state;
      return { ...state, status: editing() };
    case 'submitted': {
      if (busy) return state;
      const email = state.email.trim();
      const errors: SignInErrors = {};
      if (!isValidEmail(email)) errors.email = signInWords.email;
      if (state.method === 'password' && state.password === '') errors.password = signInWords.password;
      if (state.method === 'signUp' && state.password.length < MIN_PASSWORD_LENGTH) errors.password = signInWords.newPassword;
      if (state.method !== 'magicLink' && state.password.length > MAX_PASSWORD_LENGTH) errors.password = signInWords.longPassword;
      if (errors.email || errors.password) return { ...state, status: editing(errors) };
      return { ...state, email, status: { kind: 'submitting', email } };
    }
    case 'answered': {
      if (state.status.kind !== 'submitting') return state;
      const { result } = action;
      if (result.kind === 'ok') {
        return { ...state, password: '', status: state.method === 'magicLink' ? { kind: 'linkSent', email: state.status.email } : { kind: 'signedIn' } };
      }
      return { ...state, status: editing(describeAuthFailure(result)) };
    }
  }
}

/** better-auth's codes in the shop's words, on the field the shopper can fix. */
export function describeAuthFailure(failure: Exclude<AuthResult, { kind: 'ok' }>): SignInErrors {
  if (failure.kind === 'network') return { form: signInWords.network };
  if (failure.kind === 'rateLimited') return { form: signInWords.rateLimited(failure.retryAfterSeconds) };
  switch (failure.code) {
    case 'INVALID_EMAIL_OR_PASSWORD':
    case 'INVALID_PASSWORD':
    case 'CREDENTIAL_ACCOUNT_NOT_FOUND':
      return { form: signInWords.wrongPassword };
    case 'USER_ALREADY_EXISTS':
    case 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL':
      return { email: signInWords.accountExists };
    case 'INVALID_EMAIL':
      return { email: signInWords.email };
    case 'PASSWORD_TOO_SHORT':
      return { password: signInWords.newPassword };
    case 'PASSWORD_TOO_LONG':
      return { password: signInWords.longPassword };
    default:
      return { form: signInWords.general };
  }
}
