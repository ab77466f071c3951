import { createHmac, timingSafeEqual } from 'node:crypto';

/** Stripe's scheme: HMAC-SHA256 over `<unix seconds>.<raw body>`, sent as `t=<seconds>,v1=<hex>`. */
export const SIGNATURE_HEADER = 'x-payment-signature';
const TOLERANCE_SECONDS = 300;

export function signWebhook(secret: string, body: string, now = Date.now()): string {
  const timestamp = Math.floor(now / 1_000);
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/**
 * True only for a signature made with `secret` over exactly this body, less than five minutes ago
 * (an old delivery replayed by someone who captured it is refused). Compared in constant time.
 */
export function verifyWebhook(secret: string, body: string, header: string | undefined, now = Date.now()): boolean {
  if (!header || header.length > 200) return false;
  const parts = new Map(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const timestamp = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(timestamp) || Math.abs(now / 1_000 - timestamp) > TOLERANCE_SECONDS || !/^[0-9a-f]{64}$/.test(given)) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}
