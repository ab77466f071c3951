// Hold → pay: each client holds 1 ticket on the paid fixture's tier, then pays for that booking
// with the simulated provider's success card, and starts over. Afterwards the concert's ledger is
// checked in SQL (paid-ledger.ts).
import type { CheckoutResult, CheckoutSpec } from './checkout-worker.ts';
import { globalId, type Fixture } from './fixtures.ts';
import { runWorker, type Pids } from './load.ts';
import { readPaidLedger } from './paid-ledger.ts';

export interface PaidOptions {
  url: string;
  databaseUrl: string;
  fixture: Fixture;
  clients: number;
  durationSec: number;
  warmupSec: number;
  pids: Pids;
  apiKey: string;
}

// The simulated provider's card that always succeeds (server/src/payments/simulated-provider.ts).
const SUCCESS_CARD = { number: '4242424242424242', expMonth: 12, expYear: new Date().getUTCFullYear() + 2, cvc: '123' };

export async function runPaid(options: PaidOptions) {
  const spec: CheckoutSpec = {
    url: options.url,
    clients: options.clients,
    durationSec: options.durationSec,
    warmupSec: options.warmupSec,
    concertId: globalId('Concert', options.fixture.concertId),
    tierId: globalId('TicketTier', options.fixture.tierIds[0]),
    card: SUCCESS_CARD,
    apiKey: options.apiKey,
  };
  const { result: r, cores, statements } = await runWorker<CheckoutResult>('./checkout-worker.ts', spec, options.pids);
  const ledger = await readPaidLedger(options.databaseUrl, options.fixture.concertId);
  return {
    checkoutsPerSec: r.perSec,
    checkouts: r.checkouts,
    hold: r.hold,
    pay: r.pay,
    checkout: r.checkout,
    p50Ms: r.checkout.p50Ms,
    p95Ms: r.checkout.p95Ms,
    p99Ms: r.checkout.p99Ms,
    errors: r.errors.hold + r.errors.pay,
    errorsByStep: r.errors,
    serverUsPerCheckout: r.checkouts ? Math.round(((cores.server ?? 0) * r.durationSec * 1e6) / r.checkouts) : NaN,
    sqlPerCheckout: r.checkouts ? Math.round((statements / r.checkouts) * 100) / 100 : NaN,
    // Every checkout the clients saw confirmed is in the books, and the books add up.
    consistent: ledger.consistent && ledger.confirmed >= r.checkouts,
    ledger,
    cores,
    errorSamples: r.errorSamples,
  };
}
