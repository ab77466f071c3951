import type { IncomingMessage, ServerResponse } from 'node:http';
import { eq } from 'drizzle-orm';
import { BookingError } from '../booking/errors.ts';
import { payments } from '../db/payments-schema.ts';
import { applyChargeOutcome } from './apply-charge.ts';
import type { Checkout } from './checkout.ts';
import { SIGNATURE_HEADER, verifyWebhook } from './webhook-signature.ts';

const MAX_BODY_BYTES = 16 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the processor sends when it decides a charge it answered `processing` to. */
export interface ChargeEvent {
  type: 'charge.succeeded' | 'charge.failed';
  /** Our payment attempt's id, which was the charge's idempotency key. */
  idempotencyKey: string;
  reference: string;
  declineCode?: string;
}

/**
 * POST /webhooks/payments. Only a correctly signed, recent event is acted on; deliveries come at
 * least once and sometimes twice, and recording an outcome changes an attempt only once, so a
 * repeat is answered 200 and changes nothing.
 */
export function createPaymentWebhook(options: { checkout: Checkout; secret: string; log: { warn(msg: string): void } }) {
  const { db } = options.checkout;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
    const body = await readBody(req);
    if (body === null) return void res.writeHead(413).end();
    const signature = req.headers[SIGNATURE_HEADER];
    if (!verifyWebhook(options.secret, body, Array.isArray(signature) ? signature[0] : signature)) {
      return void res.writeHead(400, { 'content-type': 'text/plain' }).end('bad signature\n');
    }
    let event: ChargeEvent;
    try {
      event = JSON.parse(body) as ChargeEvent;
    } catch {
      return void res.writeHead(400).end();
    }
    const ours = typeof event.idempotencyKey === 'string' && UUID.test(event.idempotencyKey);
    const [payment] = ours ? await db.select({ id: payments.id }).from(payments).where(eq(payments.id, event.idempotencyKey)) : [];
    // Not ours: acknowledged, so the processor stops retrying.
    if (!payment) return void res.writeHead(200).end();
    const outcome =
      event.type === 'charge.succeeded'
        ? ({ status: 'succeeded', reference: event.reference } as const)
        : ({ status: 'declined', reference: event.reference, declineCode: event.declineCode ?? 'card_declined' } as const);
    try {
      await applyChargeOutcome(options.checkout, payment.id, outcome);
    } catch (error) {
      // Typed outcomes (declined, refunded as too late) are recorded; anything else is retried.
      if (!(error instanceof BookingError)) {
        options.log.warn(`payment webhook failed: ${(error as Error).message}`);
        return void res.writeHead(500).end(); // the processor delivers again
      }
    }
    res.writeHead(200).end();
  };
  return (req: IncomingMessage, res: ServerResponse) =>
    handle(req, res).catch((error: Error) => {
      options.log.warn(`payment webhook failed: ${error.message}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
