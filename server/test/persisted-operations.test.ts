import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOK_TICKETS, bookingInput, createConcert, createTestApp, partnerHeaders, type TestApp } from './support/test-app.ts';
import { connectWs, listening, runOnce } from './support/ws-client.ts';

const webManifest = fileURLToPath(new URL('../../web/src/gql/persisted-documents.json', import.meta.url));
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

// A partner's manifest in the codegen format: "sha256:<hex>" → document.
const AVAILABILITY = 'query PartnerAvailability($concertId: ID!) { availability(concertId: $concertId) { id available } }';
const WATCH = 'subscription PartnerWatch($concertId: ID) { availabilityChanged(concertId: $concertId) { id available } }';
const partnerManifest = join(mkdtempSync(join(tmpdir(), 'persisted-')), 'partner.json');
writeFileSync(partnerManifest, JSON.stringify({ [`sha256:${sha256(AVAILABILITY)}`]: AVAILABILITY, [`sha256:${sha256(WATCH)}`]: WATCH }));

async function post(app: TestApp, body: Record<string, unknown>) {
  const response = await app.yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...partnerHeaders() },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
}

const byDocumentId = (document: string, variables: Record<string, unknown>) => ({ documentId: `sha256:${sha256(document)}`, variables });
// Apollo's persisted-query link sends the bare hex digest in extensions.
const byApolloHash = (document: string, variables: Record<string, unknown>) => ({
  extensions: { persistedQuery: { version: 1, sha256Hash: sha256(document) } },
  variables,
});

const allowing = createTestApp({ persistedOperations: { mode: 'allow', manifests: [webManifest, partnerManifest] } });
const trusting = createTestApp({ persistedOperations: { mode: 'only', manifests: [webManifest, partnerManifest] } });
let concertGid: string;
let tierGids: string[];
let ws: Client;
beforeAll(async () => {
  ({ concertGid, tierGids } = await createConcert(allowing.db, [{ capacity: 7 }]));
  const { port } = await trusting.start(0, '127.0.0.1');
  ws = connectWs(port);
});
afterAll(async () => {
  await ws.dispose();
  await Promise.all([allowing.stop(), trusting.stop()]);
});

describe('persisted operations, default mode (allow)', () => {
  it('runs arbitrary operations and registered ones by documentId or Apollo hash', async () => {
    const expected = { availability: [{ id: tierGids[0], available: 7 }] };
    expect(await post(allowing, { query: AVAILABILITY, variables: { concertId: concertGid } })).toMatchObject({ data: expected });
    expect(await post(allowing, byDocumentId(AVAILABILITY, { concertId: concertGid }))).toMatchObject({ data: expected });
    expect(await post(allowing, byApolloHash(AVAILABILITY, { concertId: concertGid }))).toMatchObject({ data: expected });
  });

  it('answers an unknown hash with PERSISTED_QUERY_NOT_FOUND, which Apollo clients retry with the full query', async () => {
    const answer = await post(allowing, { documentId: `sha256:${sha256('{ __typename }')}` });
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]).toMatchObject({ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
  });
});

describe('persisted operations, trusted documents only', () => {
  it('refuses any operation sent as text, introspection included', async () => {
    for (const query of [AVAILABILITY, '{ __schema { types { name } } }']) {
      const answer = await post(trusting, { query, variables: { concertId: concertGid } });
      expect(answer.status).toBe(400);
      expect(answer.data).toBeUndefined();
      expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'PERSISTED_QUERY_ONLY' } });
    }
  });

  it('runs registered operations by either kind of id', async () => {
    const expected = { availability: [{ id: tierGids[0], available: 7 }] };
    expect(await post(trusting, byDocumentId(AVAILABILITY, { concertId: concertGid }))).toMatchObject({ data: expected });
    expect(await post(trusting, byApolloHash(AVAILABILITY, { concertId: concertGid }))).toMatchObject({ data: expected });
  });

  it('registers every operation of the web app from its codegen manifest', async () => {
    const manifest = JSON.parse(readFileSync(webManifest, 'utf8')) as Record<string, string>;
    const [hash, document] = Object.entries(manifest).find(([, text]) => text.includes('query Concert('))!;
    const answer = await post(trusting, { documentId: hash, variables: { id: concertGid } });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.concert.tiers).toHaveLength(1);
    expect(document).toContain('concert(id: $id)');
  });

  it('applies the same rule over graphql-ws: text refused, registered subscription by hash delivered', async () => {
    const refused = await runOnce(ws, { query: WATCH, variables: { concertId: concertGid } });
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'PERSISTED_QUERY_ONLY' } });

    // graphql-ws requires a query string: a registered operation is sent as '' plus its hash.
    const event = runOnce(ws, { query: '', ...byApolloHash(WATCH, { concertId: concertGid }) });
    await listening(trusting, concertGid);
    await post(allowing, { query: BOOK_TICKETS, variables: bookingInput(concertGid, [[tierGids[0], 2]]) });
    expect(await event).toEqual({ data: { availabilityChanged: { id: tierGids[0], available: 5 } } });
  });

  it('refuses to start with a manifest whose hash does not match its document', () => {
    const tampered = join(mkdtempSync(join(tmpdir(), 'persisted-')), 'tampered.json');
    writeFileSync(tampered, JSON.stringify({ [`sha256:${sha256(AVAILABILITY)}`]: '{ __schema { types { name } } }' }));
    expect(() => createTestApp({ persistedOperations: { mode: 'only', manifests: [tampered] } })).toThrow(/does not match its document/);
    expect(() => createTestApp({ persistedOperations: { mode: 'only', manifests: ['/nonexistent.json'] } })).toThrow(/not found/);
  });
});
