import { builder } from '../builder.ts';

const EmailKindRef = builder.enumType('EmailKind', {
  values: {
    CONFIRMATION: { value: 'confirmation', description: 'The order is paid: code, tickets and a link back.' },
    CANCELLATION: { value: 'cancellation', description: 'The order was cancelled, with any refund.' },
    PAID_TOO_LATE: { value: 'paid_too_late', description: 'A payment arrived after the hold ended and was refunded.' },
  } as const,
});

const EmailDeliveryRef = builder.enumType('EmailDelivery', {
  values: {
    SENT: { description: 'Handed to the mail server.' },
    QUEUED: { description: 'Written with the change it reports; the sender delivers it shortly.' },
    DEVELOPMENT_MAILBOX: { description: 'This server sends no email (development): the web app’s mailbox page shows it instead.' },
    NOT_SENT: { description: 'This server has no mail delivery configured; nobody will receive it.' },
  } as const,
});

// What a shopper was (or will be) told about a booking. The body stays out: the booking page shows
// the same facts, and a subject is enough to say which email to look for.
export const EmailNoticeRef = builder.drizzleObject('outboxEmails', {
  name: 'EmailNotice',
  fields: (t) => ({
    kind: t.field({ type: EmailKindRef, select: { columns: { kind: true } }, resolve: (email) => email.kind as 'confirmation' | 'cancellation' | 'paid_too_late' }),
    subject: t.exposeString('subject'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true }),
    delivery: t.field({
      type: EmailDeliveryRef,
      select: { columns: { sentAt: true } },
      resolve: (email, _args, ctx) => {
        if (email.sentAt) return 'SENT';
        return ({ smtp: 'QUEUED', developmentMailbox: 'DEVELOPMENT_MAILBOX', none: 'NOT_SENT' } as const)[ctx.emailDelivery];
      },
    }),
  }),
});
