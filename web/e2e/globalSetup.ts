import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { runningEmbeddedPostgresUrl } from '../../server/src/db/embedded-postgres.ts';
import { freePort } from '../../server/src/db/free-port.ts';
import { spawnServer, type ServerProcess } from '../../server/src/dev/server-process.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The server's database, for test fixtures (support/concerts.ts): each test makes its own concert. */
    databaseUrl: string;
    /** A partner API key with every scope (the seed's demo key): bookTickets needs one. */
    partnerKey: string;
    /** The seed's demo organizer, who signs in with a password (organizer.e2e.test.ts). */
    organizerEmail: string;
    organizerPassword: string;
  }
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const webRoot = resolve(repoRoot, 'web');

// Starts the real server (its embedded Postgres under a throwaway DATA_DIR,
// demo catalogue seeded) on free ports, serving the production build.
// E2E_BASE_URL points the tests at a server that is already running instead.
export default async function setup(project: TestProject) {
  if (process.env.E2E_BASE_URL) {
    project.provide('baseUrl', process.env.E2E_BASE_URL.replace(/\/$/, ''));
    if (!process.env.E2E_DATABASE_URL) throw new Error('E2E_BASE_URL needs E2E_DATABASE_URL: tests create their own concerts');
    if (!process.env.E2E_PARTNER_KEY) throw new Error('E2E_BASE_URL needs E2E_PARTNER_KEY (the server\'s DEMO_PARTNER_KEY): other clients book with it');
    project.provide('databaseUrl', process.env.E2E_DATABASE_URL);
    project.provide('partnerKey', process.env.E2E_PARTNER_KEY);
    project.provide('organizerEmail', process.env.E2E_ORGANIZER_EMAIL ?? '');
    project.provide('organizerPassword', process.env.E2E_ORGANIZER_PASSWORD ?? '');
    return;
  }
  buildWebIfStale();

  const dataDir = mkdtempSync(join(tmpdir(), 'concert-e2e-'));
  // mkdtemp makes it root-only; the postgres user must be able to enter it, or the server puts
  // the cluster under /var/tmp instead, where this cleanup would never find it.
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const organizerEmail = 'e2e-organizer@example.com';
  const organizerPassword = randomBytes(18).toString('base64url');
  const partnerKey = `ct_e2e_${randomBytes(24).toString('base64url')}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(await freePort()),
    SEED_DEMO: '1',
    NODE_ENV: 'production',
    // The address the browser uses: magic links are built on it, and better-auth accepts sign-ins
    // only from its origin (a session cookie set for localhost would not reach 127.0.0.1).
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    // The seed creates the demo organizer and partner key with these, so tests know them.
    DEMO_PARTNER_KEY: partnerKey,
    DEMO_ORGANIZER_EMAIL: organizerEmail,
    DEMO_ORGANIZER_PASSWORD: organizerPassword,
    // Every browser test is a guest from 127.0.0.1: the per-address hold quota would count the whole suite as one shopper.
    HOLDS_PER_MINUTE: '1000',
  };
  delete env.DATABASE_URL;
  let server: ServerProcess;
  try {
    // /health, not /ready: the first start builds a cluster, migrates and seeds before it listens.
    server = await spawnServer({ entry: 'server/src/main.ts', cwd: repoRoot, env, port, readyPath: '/health', timeoutMs: 120_000 });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const baseUrl = server.base;
  project.provide('baseUrl', baseUrl);
  project.provide('partnerKey', partnerKey);
  project.provide('organizerEmail', organizerEmail);
  project.provide('organizerPassword', organizerPassword);
  // Where the server keeps its cluster (server/src/db/open-database.ts).
  const databaseUrl = await runningEmbeddedPostgresUrl(join(dataDir, 'postgres'));
  if (!databaseUrl) {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error('the server is up but its embedded Postgres was not found');
  }
  project.provide('databaseUrl', databaseUrl);

  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

// The server serves web/dist; testing an old build would test old code.
function buildWebIfStale() {
  const builtIndex = join(webRoot, 'dist/index.html');
  const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
  const sources = [join(webRoot, 'index.html'), join(webRoot, 'vite.config.ts'), ...filesUnder(join(webRoot, 'src')), ...filesUnder(join(repoRoot, 'shared'))];
  if (sources.every((file) => statSync(file).mtimeMs < builtAt)) return;
  const result = spawnSync(process.execPath, [resolve(repoRoot, 'node_modules/vite/bin/vite.js'), 'build'], {
    cwd: webRoot,
    encoding: 'utf8',
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
