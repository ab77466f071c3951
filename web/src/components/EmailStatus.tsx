import { Link } from 'react-router';
import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';

export const EmailStatusFragment = graphql(/* GraphQL */ `
  fragment EmailStatus_booking on Booking {
    customerEmail
    emails {
      kind
      delivery
    }
  }
`);

// Says what really happened to the shopper's email: sent, on its way, or (on a server with no mail
// delivery) not sent at all. The page never claims an email that nobody will receive.
export function EmailStatus(props: { booking: FragmentType<typeof EmailStatusFragment> }) {
  const booking = useFragment(EmailStatusFragment, props.booking);
  const email = booking.emails.at(-1);
  const to = <strong>{booking.customerEmail}</strong>;
  if (!email) return null;
  const what = email.kind === 'CONFIRMATION' ? 'your tickets' : 'this update';
  switch (email.delivery) {
    case 'SENT':
      return <p className="email-status">We emailed {what} to {to}.</p>;
    case 'QUEUED':
      return <p className="email-status">An email with {what} is on its way to {to}.</p>;
    case 'DEVELOPMENT_MAILBOX':
      return (
        <p className="email-status notice">
          This server sends no email, so nothing was sent to {to}.{' '}
          <Link to={`/mailbox?to=${encodeURIComponent(booking.customerEmail)}`}>See the email in the development mailbox</Link>.
        </p>
      );
    case 'NOT_SENT':
      return (
        <p className="email-status notice">
          Email is not set up on this server, so nothing was sent to {to}. Keep this page’s address: it is your booking.
        </p>
      );
  }
}
