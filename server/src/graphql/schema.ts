import { builder } from './builder.ts';
import './types/scalars.ts';
import './types/money.ts';
import './types/booking-errors.ts';
import './types/concert.ts';
import './types/ticket-tier.ts';
import './types/booking.ts';
import './types/book-tickets.ts';
import './types/hold-tickets.ts';
import './types/release-hold.ts';
import './types/payment.ts';
import './types/email-notice.ts';
import './types/pay-for-booking.ts';
import './types/cancel-booking.ts';
import './types/viewer.ts';
import './types/api-key.ts';
import './types/orders.ts';
import './types/concert-admin.ts';
import './types/tier-admin.ts';
import './types/concert-cancellation.ts';
import './types/sales-analytics.ts';
import './types/node.ts';

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

export const schema = builder.toSchema({ sortSchema: true });
