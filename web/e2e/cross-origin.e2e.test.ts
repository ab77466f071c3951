import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../server/src/db/free-port.ts';
import { readConcert, tierNamed } from './support/api';
import { useBrowser } from './support/browser';
import { bookingsWithEmail, closeDatabase, createConcert } from './support/concerts';

const baseUrl = inject('baseUrl');
const browser = useBrowser(baseUrl);
afterAll(closeDatabase);

// Another site's page, served from another origin on the same host (so the browser still counts it
// same-site and sends the shopper's SameSite=Lax session cookie: the harder case). Its script tries
// every way a page can POST to the API with the visitor's credentials.
function attackPage(attack: { api: string; hold: unknown; book: unknown }) {
  return `<!doctype html><html><head><title>Win free tickets</title></head><body>
<h1>Win free tickets</h1>
<script>
const attack = ${JSON.stringify(attack)};
const results = {};
async function tryFetch(name, init) {
  try {
    const response = await fetch(attack.api, { method: 'POST', credentials: 'include', ...init });
    results[name] = response.type === 'opaque' ? 'sent, answer unreadable' : 'read status ' + response.status;
  } catch (error) {
    results[name] = 'refused';
  }
}
function postForm(name, enctype, fields) {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.name = name;
    document.body.append(frame);
    const form = document.createElement('form');
    form.method = 'POST';
    form.action = attack.api;
    form.enctype = enctype;
    form.target = name;
    for (const [key, value] of Object.entries(fields)) {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = key;
      input.value = value;
      form.append(input);
    }
    document.body.append(form);
    frame.addEventListener('load', () => { results[name] = 'form posted'; resolve(); }, { once: true });
    form.submit();
  });
}
(async () => {
  const json = { 'content-type': 'application/json' };
  await tryFetch('json-hold', { headers: json, body: JSON.stringify(attack.hold) });
  await tryFetch('json-book', { headers: json, body: JSON.stringify(attack.book) });
  // Simple requests (no preflight): the browser sends them, cookies and all, and hides the answer.
  await tryFetch('text-hold', { mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(attack.hold) });
  await tryFetch('text-book', { mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(attack.book) });
  const asFields = (operation) => ({ query: operation.query, variables: JSON.stringify(operation.variables) });
  await postForm('form-hold', 'application/x-www-form-urlencoded', asFields(attack.hold));
  await postForm('form-book', 'application/x-www-form-urlencoded', asFields(attack.book));
  await postForm('multipart-hold', 'multipart/form-data', { operations: JSON.stringify(attack.hold), map: '{}' });
  window.attackResults = results;
})();
</script></body></html>`;
}

const HOLD = /* GraphQL */ `mutation Attack($input: BookTicketsInput!) { holdTickets(input: $input) { __typename } }`;
const BOOK = /* GraphQL */ `mutation Attack($input: BookTicketsInput!) { bookTickets(input: $input) { __typename } }`;

describe('another site’s page', () => {
  let server: Server;
  let attackerOrigin = '';
  let servePage = () => '';
  beforeAll(async () => {
    const port = await freePort();
    server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(servePage()));
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
    attackerOrigin = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    // The browser may still hold a keep-alive connection to the page's server.
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('cannot hold or book with a signed-in shopper’s cookies: every request is refused and nothing is written', async () => {
    const concert = await createConcert();
    const vip = tierNamed(concert, 'VIP');
    const victim = `victim-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const attacker = `attacker-${crypto.randomUUID().slice(0, 8)}@example.com`;

    // The shopper is signed in: the browser holds a session cookie for the shop.
    const { context } = browser();
    const signUp = await context.request.post(`${baseUrl}/api/auth/sign-up/email`, {
      data: { email: victim, password: 'a long enough password', name: 'victim' },
      headers: { origin: baseUrl },
    });
    expect(signUp.status()).toBe(200);
    expect((await context.cookies(baseUrl)).map((cookie) => cookie.name)).toContain('better-auth.session_token');

    const input = (key: string) => ({ concertId: concert.id, items: [{ tierId: vip.id, quantity: 2 }], customerEmail: attacker, idempotencyKey: key });
    const hold = { query: HOLD, variables: { input: input(crypto.randomUUID()) } };
    const book = { query: BOOK, variables: { input: input(crypto.randomUUID()) } };
    servePage = () => attackPage({ api: `${baseUrl}/graphql`, hold, book });

    const { page } = await browser().open(`${attackerOrigin}/`);
    const answers: { method: string; status: number }[] = [];
    page.on('response', (response) => {
      if (response.url().startsWith(`${baseUrl}/graphql`)) answers.push({ method: response.request().method(), status: response.status() });
    });
    const results = await page.waitForFunction(() => (window as unknown as { attackResults?: Record<string, string> }).attackResults).then((handle) => handle.jsonValue() as Promise<Record<string, string>>);

    // JSON needs a CORS preflight, which our policy does not answer for other origins: never sent.
    expect(results['json-hold']).toBe('refused');
    expect(results['json-book']).toBe('refused');
    // The rest reach the server, which runs no GraphQL from a body that is not JSON.
    expect(results).toMatchObject({ 'text-hold': 'sent, answer unreadable', 'form-hold': 'form posted', 'multipart-hold': 'form posted' });
    const posts = answers.filter((answer) => answer.method === 'POST');
    expect(posts.length).toBeGreaterThanOrEqual(5);
    expect(posts.every((answer) => answer.status === 415), JSON.stringify(posts)).toBe(true);

    // Nothing was written: no booking with the attacker's email, and the tier is untouched.
    expect(await bookingsWithEmail(attacker)).toEqual([]);
    expect(tierNamed(await readConcert(baseUrl, concert.id), 'VIP').available).toBe(vip.available);

    // Control: the same hold from the shop's own origin goes through, so it was the origin that was refused.
    const shop = await browser().open('/');
    const control = await shop.page.evaluate(async ({ query, variables }) => {
      const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      return ((await response.json()) as { data?: { holdTickets?: { __typename: string } } }).data?.holdTickets?.__typename;
    }, { query: HOLD, variables: { input: { ...input(crypto.randomUUID()), customerEmail: victim } } });
    expect(control).toBe('HoldTicketsSuccess');
    expect(await bookingsWithEmail(victim)).toHaveLength(1);
    expect(await bookingsWithEmail(attacker)).toEqual([]);
  });
});
