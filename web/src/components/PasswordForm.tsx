import type { FormEvent } from 'react';
import { useSignIn } from '../auth/useSignIn';
import { MIN_PASSWORD_LENGTH } from '../auth/signInState';
import { AuthField } from './AuthField';
import { FormError } from './FormError';

/** Sign in with a password, or create an account with one (its email stays unverified until a link proves it). */
export function PasswordForm(props: { next: string }) {
  const { state, choose, setEmail, setPassword, submit } = useSignIn('password', props.next);
  const { status, method } = state;
  const errors = status.kind === 'editing' ? status.errors : {};
  const busy = status.kind === 'submitting' || status.kind === 'signedIn';
  const signingUp = method === 'signUp';

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    submit();
  }

  const title = signingUp ? 'Create an account' : 'Sign in with a password';
  return (
    <section className="card auth-card" aria-labelledby="password-title">
      <h2 id="password-title">{title}</h2>
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <AuthField id="password-email" label="Email" type="email" autoComplete="email" value={state.email} error={errors.email} disabled={busy} onChange={setEmail} />
        <AuthField
          id="password"
          label={signingUp ? `Password (at least ${MIN_PASSWORD_LENGTH} characters)` : 'Password'}
          type="password"
          autoComplete={signingUp ? 'new-password' : 'current-password'}
          value={state.password}
          error={errors.password}
          disabled={busy}
          onChange={setPassword}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? (signingUp ? 'Creating your account…' : 'Signing in…') : signingUp ? 'Create account' : 'Sign in'}
        </button>
        <FormError message={errors.form} />
      </form>
      <p className="auth-card__switch">
        {signingUp ? 'Already have an account?' : 'New here?'}{' '}
        <button type="button" className="link-button" disabled={busy} onClick={() => choose(signingUp ? 'password' : 'signUp')}>
          {signingUp ? 'Sign in instead' : 'Create an account'}
        </button>
      </p>
    </section>
  );
}
