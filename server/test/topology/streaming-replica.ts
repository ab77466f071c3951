import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../../src/db/free-port.ts';

/** Debian's postgresql-15: the embedded Postgres ships no pg_basebackup. */
export const pg15Bin = '/usr/lib/postgresql/15/bin';
export const hasPg15 = existsSync(join(pg15Bin, 'pg_basebackup'));

const asRoot = process.getuid?.() === 0;
/** Postgres refuses to run as root; the postgres OS user comes with the package. */
const command = (bin: string, args: string[]) =>
  asRoot ? { cmd: 'runuser', args: ['-u', 'postgres', '--', join(pg15Bin, bin), ...args] } : { cmd: join(pg15Bin, bin), args };

function runOrThrow(bin: string, args: string[]) {
  const { cmd, args: full } = command(bin, args);
  const result = spawnSync(cmd, full, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${bin} failed: ${result.stderr || result.stdout}`);
}

async function startPostmaster(dataDir: string, port: number, socketDir: string): Promise<ChildProcess> {
  const { cmd, args } = command('postgres', ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${socketDir}`, '-c', 'fsync=off']);
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    const up = await client.connect().then(() => client.end().then(() => true), () => false);
    if (up) return child;
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`postgres did not start in ${dataDir}:\n${output}`);
}

/**
 * A Postgres 15 primary and a hot standby streaming from it (pg_basebackup -R), under `dir`.
 * Throwaway: trust authentication on 127.0.0.1, no fsync.
 */
export async function startPrimaryAndReplica(dir: string) {
  const primaryDir = join(dir, 'primary');
  const replicaDir = join(dir, 'replica');
  const socketDir = join(dir, 'sockets');
  mkdirSync(socketDir);
  if (asRoot) for (const path of [dir, socketDir]) chownSync(path, ...postgresIds());
  runOrThrow('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '--no-sync']);
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const primary = await startPostmaster(primaryDir, primaryPort, socketDir);
  const children = [{ child: primary, dataDir: primaryDir }];
  try {
    runOrThrow('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream', '--no-sync']);
    children.push({ child: await startPostmaster(replicaDir, replicaPort, socketDir), dataDir: replicaDir });
  } catch (error) {
    await stopPostmaster(primary, primaryDir);
    throw error;
  }
  return {
    primaryUrl: `postgres://postgres@127.0.0.1:${primaryPort}/postgres`,
    replicaUrl: `postgres://postgres@127.0.0.1:${replicaPort}/postgres`,
    async stop() {
      await Promise.all(children.map(({ child, dataDir }) => stopPostmaster(child, dataDir)));
    },
  };
}

/** SIGINT (fast shutdown) to the postmaster itself: runuser does not pass signals on. */
function stopPostmaster(child: ChildProcess, dataDir: string) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 'SIGINT');
  });
}

function postgresIds(): [number, number] {
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return [id('-u'), id('-g')];
}
