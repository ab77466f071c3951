import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServer, type ServerProcess } from '../src/dev/server-process.ts';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'concert-tickets-start-'));
// mkdtemp makes it root-only; the postgres user must be able to enter it.
chmodSync(dataDir, 0o755);
const running: ServerProcess[] = [];
afterAll(() => {
  for (const server of running) server.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** `npm start`'s server process with DATABASE_URL unset: its own embedded Postgres under DATA_DIR. */
async function startServer() {
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', TEST_DATABASE_URL: '' };
  const server = await spawnServer({ entry: 'src/main.ts', cwd: serverDir, env, readyPath: '/ready' });
  running.push(server);
  const answer = await fetch(`${server.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ concerts(first: 10) { edges { node { name } } } }' }),
  }).then((response) => response.json());
  return { child: server.child, exited: server.exited, base: server.base, output: server.output, concerts: answer.data.concerts.edges.length as number };
}

const exitCode = async (server: { exited: ServerProcess['exited'] }) => (await server.exited).code;

describe('starting on the embedded Postgres', () => {
  it('seeds on first start, recovers after SIGKILL, and stops Postgres on SIGTERM', async () => {
    const first = await startServer();
    expect(first.concerts).toBeGreaterThanOrEqual(3);
    // The demo organizer and partner key are made and printed once, for the person trying it out.
    const partnerKey = first.output().match(/Demo partner API key: (ct_[\w-]+)/)?.[1];
    expect(first.output()).toMatch(/Demo organizer: organizer@example\.com \/ [\w-]{16}/);
    const asPartner = await fetch(`${first.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': partnerKey! },
      body: JSON.stringify({ query: '{ concerts(first: 1) { edges { node { name } } } }' }),
    }).then((response) => response.json());
    expect(asPartner.data.concerts.edges).toHaveLength(1);

    // SIGKILL leaves Postgres orphaned on the data directory; the next start must cope.
    first.child.kill('SIGKILL');
    await first.exited;
    const second = await startServer();
    expect(second.concerts).toBe(first.concerts);
    expect(second.output()).toMatch(/Demo partner API key: \(shown once when it was created/);

    second.child.kill('SIGTERM');
    expect(await exitCode(second)).toBe(0);
    // After a clean stop nothing holds the data directory: a third start works at once.
    const third = await startServer();
    third.child.kill('SIGTERM');
    expect(await exitCode(third)).toBe(0);
  }, 90_000);
});
