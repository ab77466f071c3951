import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { useSignIn } from '../auth/useSignIn';
import { useDevelopmentMailbox } from '../lib/useDevelopmentMailbox';
import { AuthField } from './AuthField';
import { FormError } from './FormError';

/** Sign in by a link sent to the email: it proves the address, so guest bookings made with it show up. */
export function MagicLinkForm(props: { next: string; linkFailed: boolean }) {
  const { state, setEmail, restart, submit } = useSignIn('magicLink', props.next);
  const { status } = state;
  const mailbox = useDevelopmentMailbox(status.kind === 'linkSent');
  const errors = status.kind === 'editing' ? status.errors : {};
  const submitting = status.kind === 'submitting';

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    submit();
  }

  return (
    <section className="card auth-card" aria-labelledby="magic-link-title">
      <h2 id="magic-link-title">Sign in with an email link</h2>
      {/* Always in the page, so the change to "Check your inbox" is announced. */}
      <div role="status" aria-live="polite">
        {status.kind === 'linkSent' ? (
          <div className="notice">
            <p className="auth-card__sent">
              <strong>Check your inbox.</strong> We sent a sign-in link to <strong>{status.email}</strong>. It works once, for 15 minutes.
            </p>
            {mailbox ? (
              <p>
                This server sends no email: <Link to={`/mailbox?to=${encodeURIComponent(status.email)}`}>open the development mailbox</Link>.
              </p>
            ) : null}
            <button type="button" className="link-button" onClick={restart}>
              Use another email
            </button>
          </div>
        ) : null}
      </div>
      {status.kind !== 'linkSent' ? (
        <form onSubmit={onSubmit} noValidate aria-label="Email me a sign-in link">
          <p className="auth-card__intro">No password needed. Use the email you booked with to see those bookings too.</p>
          {props.linkFailed && !state.email ? (
            <p className="form-error" role="alert">
              That sign-in link has expired or was already used. Ask for a new one.
            </p>
          ) : null}
          <AuthField id="magic-email" label="Email" type="email" autoComplete="email" value={state.email} error={errors.email} disabled={submitting} onChange={setEmail} />
          <button type="submit" className="button button--primary" disabled={submitting}>
            {submitting ? 'Sending…' : 'Email me a sign-in link'}
          </button>
          <FormError message={errors.form} />
        </form>
      ) : null}
    </section>
  );
}
