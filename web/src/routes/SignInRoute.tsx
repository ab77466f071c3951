import { useSearchParams } from 'react-router';
import { safeNextPath } from '../auth/authClient';
import { MagicLinkForm } from '../components/MagicLinkForm';
import { PageTitle } from '../components/PageTitle';
import { PasswordForm } from '../components/PasswordForm';

/** Two ways in: an emailed link (no password, proves the email) or a password. */
export function SignInRoute() {
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  return (
    <section className="signin" aria-labelledby="signin-title">
      <PageTitle>Sign in</PageTitle>
      <h1 id="signin-title">Sign in</h1>
      <p className="signin__intro">See every booking you made in one place, and manage them without keeping their links.</p>
      <div className="signin__methods">
        <MagicLinkForm next={next} linkFailed={params.get('link') === 'failed'} />
        <PasswordForm next={next} />
      </div>
    </section>
  );
}
