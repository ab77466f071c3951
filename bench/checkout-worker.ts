// The hold → pay load generator, run as a child process (see load.ts) so its CPU is measured apart
// from the server's. autocannon cannot chain a request on the answer of the one before, so each
// client is a plain loop over one keep-alive connection: holdTickets, then payForBooking for the
// booking it returned.
import http from 'node:http';
import { quantile, round } from './stats.ts';

const HOLD = /* GraphQL */ `mutation Hold($input: BookTicketsInput!) {
  holdTickets(input: $input) {
    __typename
    ... on HoldTicketsSuccess { booking { id } }
    ... on Error { message }
  }
}`;

// What a checkout page needs back: whether the booking is now confirmed.
const PAY = /* GraphQL */ `mutation Pay($input: PayForBookingInput!) {
  payForBooking(input: $input) {
    __typename
    ... on PayForBookingSuccess { booking { id status } payment { status } }
    ... on Error { message }
  }
}`;

export interface CheckoutSpec {
  url: string;
  clients: number;
  durationSec: number;
  warmupSec: number;
  /** Global ids, as clients send them. */
  concertId: string;
  tierId: string;
  card: { number: string; expMonth: number; expYear: number; cvc: string };
  /** A partner's key: guests may start only a few holds a minute per address. */
  apiKey: string;
}

interface Latencies {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

export interface CheckoutResult {
  /** Checkouts (hold and pay both succeeded) completed inside the measured window. */
  checkouts: number;
  /** HTTP requests answered inside the measured window. */
  requests: number;
  durationSec: number;
  perSec: number;
  hold: Latencies;
  pay: Latencies;
  checkout: Latencies;
  /** Failed steps over the whole run (warm-up included): a hold or payment refused, or no answer. */
  errors: { hold: number; pay: number };
  errorSamples: string[];
  clientCores: number;
}

interface Answer {
  status: number;
  body: string;
}

function poster(url: string, clients: number, apiKey: string) {
  // One socket per client loop, kept open: the cost of a checkout, not of TCP handshakes.
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  return (body: string) =>
    new Promise<Answer>((resolve, reject) => {
      const request = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-api-key': apiKey } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        response.on('error', reject);
      });
      request.setTimeout(10_000, () => request.destroy(new Error('no answer within 10 s')));
      request.on('error', reject);
      request.end(body);
    });
}

/** The mutation's payload when the answer is a 200 whose payload has the wanted type, else null. */
function payloadOf(answer: Answer, field: string, typename: string): Record<string, any> | null {
  if (answer.status !== 200) return null;
  try {
    const payload = (JSON.parse(answer.body) as { data?: Record<string, Record<string, any> | null> }).data?.[field];
    return payload?.__typename === typename ? payload : null;
  } catch {
    return null; // not JSON: counted as a failed step, with the body as a sample
  }
}

async function measure(spec: CheckoutSpec): Promise<CheckoutResult> {
  const post = poster(spec.url, spec.clients, spec.apiKey);
  const holdMs: number[] = [];
  const payMs: number[] = [];
  const checkoutMs: number[] = [];
  const errors = { hold: 0, pay: 0 };
  const errorSamples: string[] = [];
  let windowStart = Infinity;
  let requests = 0;
  let stopping = false;
  let sequence = 0;
  const failed = (step: 'hold' | 'pay', detail: string) => {
    errors[step] += 1;
    if (errorSamples.length < 5) errorSamples.push(`${step}: ${detail.slice(0, 300)}`);
  };
  const inWindow = (at: number) => at >= windowStart;

  async function client() {
    while (!stopping) {
      // Also the shopper's email: one email may hold or own only a few tickets of a concert.
      const key = `paid-${process.pid}-${sequence++}`;
      const started = performance.now();
      const held = await post(JSON.stringify({ query: HOLD, variables: { input: { concertId: spec.concertId, items: [{ tierId: spec.tierId, quantity: 1 }], customerEmail: `${key}@example.com`, idempotencyKey: key } } })).catch((error: Error) => ({ status: 0, body: error.message }));
      const heldAt = performance.now();
      if (inWindow(heldAt)) {
        requests += 1;
        holdMs.push(heldAt - started);
      }
      const hold = payloadOf(held, 'holdTickets', 'HoldTicketsSuccess');
      if (!hold) {
        failed('hold', `${held.status} ${held.body}`);
        continue;
      }
      const paid = await post(JSON.stringify({ query: PAY, variables: { input: { bookingId: hold.booking.id, card: spec.card, idempotencyKey: `${key}-pay` } } })).catch((error: Error) => ({ status: 0, body: error.message }));
      const paidAt = performance.now();
      if (inWindow(paidAt)) {
        requests += 1;
        payMs.push(paidAt - heldAt);
      }
      const payment = payloadOf(paid, 'payForBooking', 'PayForBookingSuccess');
      if (payment?.booking.status !== 'CONFIRMED' || payment.payment.status !== 'SUCCEEDED') {
        failed('pay', `${paid.status} ${paid.body}`);
        continue;
      }
      if (inWindow(paidAt)) checkoutMs.push(paidAt - started);
    }
  }

  const clients = Array.from({ length: spec.clients }, () => client());
  // Warm-up: JIT, pool connections and plan caches, excluded from every figure.
  await new Promise((resolve) => setTimeout(resolve, spec.warmupSec * 1_000));
  process.send!({ measuring: true });
  windowStart = performance.now();
  const cpuBefore = process.cpuUsage();
  await new Promise((resolve) => setTimeout(resolve, spec.durationSec * 1_000));
  // No new checkouts; those in flight finish inside the window (and are counted), so the ledger is
  // checked on a quiet database and the window's CPU covers every checkout it counts.
  stopping = true;
  await Promise.all(clients);
  const elapsed = (performance.now() - windowStart) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const summary = (values: number[]): Latencies => {
    values.sort((a, b) => a - b);
    return { p50Ms: quantile(values, 0.5), p95Ms: quantile(values, 0.95), p99Ms: quantile(values, 0.99) };
  };
  return {
    checkouts: checkoutMs.length,
    requests,
    durationSec: round(elapsed),
    perSec: Math.round(checkoutMs.length / elapsed),
    hold: summary(holdMs),
    pay: summary(payMs),
    checkout: summary(checkoutMs),
    errors,
    errorSamples,
    clientCores: round((cpu.user + cpu.system) / 1e6 / elapsed),
  };
}

process.once('message', (spec: CheckoutSpec) => {
  measure(spec).then(
    (result) => process.send!({ result }, () => process.exit(0)),
    (error: Error) => process.send!({ error: error.stack ?? String(error) }, () => process.exit(1)),
  );
});
