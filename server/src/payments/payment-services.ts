import type { IncomingMessage, ServerResponse } from 'node:http';
import { RepeatingJob } from '../jobs/repeating-job.ts';
import type { Checkout } from './checkout.ts';
import { refundOrphanedCharges, settleUnknownPayments } from './payment-settlement.ts';
import { createPaymentWebhook } from './payment-webhook.ts';
import { SimulatedPaymentProvider } from './simulated-provider.ts';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature.ts';

export const PAYMENT_WEBHOOK_PATH = '/webhooks/payments';

/**
 * The payment side of a server instance: the webhook endpoint, settlement of outcomes nobody heard
 * (never by charging again) and of refunds that failed, and, with the simulated processor, that
 * processor's own callbacks for the charges it answered `processing` to.
 */
export function createPaymentServices(checkout: Checkout, options: { webhookSecret: string; log: { warn(msg: string): void } }) {
  const webhook = createPaymentWebhook({ checkout, secret: options.webhookSecret, log: options.log });
  const settlement = new RepeatingJob(
    'payment settlement',
    2_000,
    async () => {
      await settleUnknownPayments(checkout);
      await refundOrphanedCharges(checkout);
    },
    options.log,
  );
  let ownUrl = '';
  const provider = checkout.paymentProvider;
  const simulatedCallbacks =
    provider instanceof SimulatedPaymentProvider
      ? new RepeatingJob(
          'simulated processor webhooks',
          1_000,
          () =>
            provider.deliverWebhooks(async (body) => {
              const headers = { [SIGNATURE_HEADER]: signWebhook(options.webhookSecret, body) };
              await fetch(`${ownUrl}${PAYMENT_WEBHOOK_PATH}`, { method: 'POST', body, headers });
            }),
          options.log,
        )
      : null;
  return {
    webhook: (req: IncomingMessage, res: ServerResponse) => webhook(req, res),
    /** `url`: this server's own address, where the simulated processor calls back. */
    start(url: string) {
      ownUrl = url;
      settlement.start();
      simulatedCallbacks?.start();
    },
    async stop() {
      await Promise.all([settlement.stop(), simulatedCallbacks?.stop()]);
    },
  };
}
