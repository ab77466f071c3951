import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import { formatDate } from '../lib/format';

export const OrderEmailsFragment = graphql(/* GraphQL */ `
  fragment OrderEmails_booking on Booking {
    emails {
      kind
      delivery
      subject
      createdAt
      sentAt
    }
  }
`);

const DELIVERY: Record<string, string> = { SENT: 'sent', QUEUED: 'queued', DEVELOPMENT_MAILBOX: 'in the development mailbox', NOT_SENT: 'not sent (no mail delivery)' };

/** Every email about one order and what became of it, so the organizer can tell a shopper what was sent. */
export function OrderEmails(props: { booking: FragmentType<typeof OrderEmailsFragment> }) {
  const { emails } = useFragment(OrderEmailsFragment, props.booking);
  return (
    <>
      <h3>Emails</h3>
      {emails.length === 0 ? (
        <p>No emails.</p>
      ) : (
        <ul>
          {emails.map((email) => (
            <li key={`${email.kind}-${email.createdAt}`}>
              {email.subject} — {DELIVERY[email.delivery] ?? email.delivery}, {formatDate(email.sentAt ?? email.createdAt)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
