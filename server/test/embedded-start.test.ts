import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/db/free-port.ts';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'concert-tickets-start-'));
// mkdtemp makes it root-only; the postgres user must be able to enter it.
chmodSync(dataDir, 0o755);
const running: ChildProcess[] = [];
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** `npm start`'s server process with DATABASE_URL unset: its own embedded Postgres under DATA_DIR. */
async function startServer() {
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '', TEST_DATABASE_URL: '' };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: serverDir, env, stdio: 'pipe' });
  running.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const answer = await fetch(`http://localhost:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ concerts(first: 10) { edges { node { name } } } }' }),
    }).then((r) => r.json(), () => null);
    if (answer?.data) return { child, concerts: answer.data.concerts.edges.length as number };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server did not answer:\n${output}`);
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)));

describe('starting on the embedded Postgres', () => {
  it('seeds on first start, recovers after SIGKILL, and stops Postgres on SIGTERM', async () => {
    const first = await startServer();
    expect(first.concerts).toBeGreaterThanOrEqual(3);

    // SIGKILL leaves Postgres orphaned on the data directory; the next start must cope.
    first.child.kill('SIGKILL');
    await exited(first.child);
    const second = await startServer();
    expect(second.concerts).toBe(first.concerts);

    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
    // After a clean stop nothing holds the data directory: a third start works at once.
    const third = await startServer();
    third.child.kill('SIGTERM');
    expect(await exited(third.child)).toBe(0);
  }, 90_000);
});
