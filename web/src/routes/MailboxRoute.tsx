import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '../components/PageTitle';
import { Empty, ErrorState, Loading } from '../components/StatusMessages';
import { formatDate } from '../lib/format';

interface MailboxEmail {
  id: string;
  kind: string;
  to: string;
  subject: string;
  body: string;
  createdAt: string;
  sentAt: string | null;
}

type Mailbox = { kind: 'loading' } | { kind: 'off' } | { kind: 'failed' } | { kind: 'ready'; emails: MailboxEmail[] };

// Links in an email body point at this shop; inside the app they open as pages. A link to the API
// (a sign-in link) is a real page load on this origin: the server sets the session and redirects.
function linkify(body: string) {
  return body.split(/(https?:\/\/\S+)/g).map((part, index) => {
    if (!/^https?:\/\//.test(part)) return part;
    const url = new URL(part);
    const ours = url.origin === window.location.origin || url.hostname === 'localhost';
    if (ours && url.pathname.startsWith('/api/')) {
      return (
        <a key={index} href={url.pathname + url.search}>
          {part}
        </a>
      );
    }
    return ours ? (
      <Link key={index} to={url.pathname + url.search}>
        {part}
      </Link>
    ) : (
      <a key={index} href={part} rel="noreferrer">
        {part}
      </a>
    );
  });
}

/**
 * The development mailbox: what the shop would have emailed, for a server with no SMTP. The server
 * answers /dev/mailbox only in development (404 otherwise), and this page says so.
 */
export function MailboxRoute() {
  const [params] = useSearchParams();
  const to = params.get('to') ?? '';
  const [mailbox, setMailbox] = useState<Mailbox>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setMailbox({ kind: 'loading' });
    fetch(`/dev/mailbox${to ? `?to=${encodeURIComponent(to)}` : ''}`, { signal: controller.signal })
      .then(async (response) => {
        if (response.status === 404) return setMailbox({ kind: 'off' });
        if (!response.ok) throw new Error(String(response.status));
        const { emails } = (await response.json()) as { emails: MailboxEmail[] };
        setMailbox({ kind: 'ready', emails });
      })
      .catch(() => {
        if (!controller.signal.aborted) setMailbox({ kind: 'failed' });
      });
    return () => controller.abort();
  }, [to, attempt]);

  const title = (
    <>
      <PageTitle>Development mailbox</PageTitle>
      <h1>Development mailbox</h1>
      <p className="mailbox__intro">
        This server sends no email. Here is what the shop would have sent{to ? <> to <strong>{to}</strong></> : null}, newest first.
        {to ? (
          <>
            {' '}
            <Link to="/mailbox">Show everyone’s</Link>
          </>
        ) : null}
      </p>
    </>
  );
  if (mailbox.kind === 'loading') return <Loading label="Opening the mailbox…" />;
  if (mailbox.kind === 'failed') return <ErrorState title="The mailbox could not be loaded." onRetry={() => setAttempt((n) => n + 1)} />;
  if (mailbox.kind === 'off') {
    return (
      <Empty>
        <PageTitle>Mailbox not available</PageTitle>
        <h1>Mailbox not available</h1>
        <p>This server delivers email itself or runs in production, so it has no development mailbox.</p>
      </Empty>
    );
  }
  return (
    <section className="mailbox">
      {title}
      {mailbox.emails.length === 0 ? <p>No emails yet.</p> : null}
      <ol className="mailbox__list">
        {mailbox.emails.map((email) => (
          <li key={email.id} className="card mailbox__email">
            <h2>{email.subject}</h2>
            <p className="mailbox__meta">
              To <strong>{email.to}</strong> · <time dateTime={email.createdAt}>{formatDate(email.createdAt)}</time>
            </p>
            <pre className="mailbox__body">{linkify(email.body)}</pre>
          </li>
        ))}
      </ol>
    </section>
  );
}
