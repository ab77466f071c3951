import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.ts';

const app = createTestApp({ production: true });
afterAll(() => app.stop());

// A mutation that needs no concert of its own: releasing a hold that does not exist changes nothing,
// but reaching its resolver at all shows that the request ran.
const mutation = 'mutation { releaseHold(bookingId: "Qm9va2luZzpub3BlOg==") { __typename } }';

const post = (contentType: string, body: BodyInit) =>
  app.yoga.fetch('http://yoga/graphql', { method: 'POST', headers: { 'content-type': contentType }, body });

describe('cross-site request forgery', () => {
  // The three content types a plain HTML form (or fetch with mode no-cors) sends cross-origin without a CORS preflight.
  it('refuses a form-encoded POST', async () => {
    const response = await post('application/x-www-form-urlencoded', new URLSearchParams({ query: mutation }).toString());
    expect(response.status).toBe(415);
    const body = await response.json();
    expect(body.data).toBeUndefined();
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
  });

  it('refuses a multipart form POST', async () => {
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: mutation }));
    form.set('map', '{}');
    const response = await app.yoga.fetch('http://yoga/graphql', { method: 'POST', body: form });
    expect(response.status).toBe(415);
    expect((await response.json()).data).toBeUndefined();
  });

  it.each(['text/plain', 'text/plain;charset=UTF-8', 'application/graphql', ''])('refuses a POST sent as %j', async (contentType) => {
    const response = await post(contentType, JSON.stringify({ query: mutation }));
    expect(response.status).toBe(415);
    expect((await response.json()).data).toBeUndefined();
  });

  it('never runs a mutation from a GET', async () => {
    const response = await app.yoga.fetch(`http://yoga/graphql?query=${encodeURIComponent(mutation)}`, { method: 'GET' });
    expect(response.status).toBe(405);
    expect((await response.json()).data).toBeUndefined();
  });

  // application/graphql-response+json is what a GraphQL-over-HTTP client accepts, not a body type.
  it.each(['application/json', 'application/json; charset=utf-8'])(
    'still runs operations POSTed as %s, and queries over GET',
    async (contentType) => {
      const response = await app.yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': contentType, accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query: mutation }),
      });
      expect(response.status).toBe(200);
      expect((await response.json()).data.releaseHold.__typename).toBeDefined();
      const get = await app.yoga.fetch(`http://yoga/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json' } });
      expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
    },
  );
});
