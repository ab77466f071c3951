import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_V8_FLAGS } from '../../src/runtime-flags.ts';
import { TEST_METRICS_TOKEN } from '../support/metrics-token.ts';

const serverDir = fileURLToPath(new URL('../..', import.meta.url));
const deployDir = fileURLToPath(new URL('../../../deploy', import.meta.url));

/** The Debian binary, or null when it is not installed (the test then says so and skips). */
export function binary(name: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${name} || ls /usr/sbin/${name} 2>/dev/null`], { encoding: 'utf8' });
  return found.stdout.trim().split('\n')[0] || null;
}

export interface Engine {
  name: string;
  child: ChildProcess;
  output(): string;
  exited: Promise<unknown>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

function run(name: string, command: string, args: string[], env: Record<string, string> = {}, cwd?: string): Engine {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    name,
    child,
    output: () => output,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** Waits until `ready` holds, or fails with the engine's output. */
async function until(engine: Engine, ready: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (engine.child.exitCode !== null) break;
    if (await ready().catch(() => false)) return engine;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await engine.stop('SIGKILL');
  throw new Error(`${engine.name} did not become ready:\n${engine.output()}`);
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => resolve(socket.end() && true));
    socket.once('error', () => resolve(false));
  });

/** A scratch folder the postgres user can read (pgbouncer refuses to run as root). */
export function scratchDir() {
  const dir = mkdtempSync(join(tmpdir(), 'concert-tickets-topology-'));
  chmodSync(dir, 0o755);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** deploy/<file> with each `from` replaced by its `to`, written to `dir` for the engine to read. */
export function renderConfig(dir: string, file: string, replacements: [RegExp | string, string][]) {
  let text = readFileSync(join(deployDir, file), 'utf8');
  for (const [from, to] of replacements) text = text.replace(from, to);
  const path = join(dir, file.replace(/\//g, '-'));
  writeFileSync(path, text);
  chmodSync(path, 0o644);
  return path;
}

export async function startPgbouncer(bin: string, config: string, port: number) {
  // As root it must drop to another user; -u does that after reading the config.
  const asRoot = process.getuid?.() === 0 ? ['-u', 'postgres'] : [];
  return until(run('pgbouncer', bin, [...asRoot, config]), () => accepts(port));
}

/** deploy/haproxy.cfg reads its addresses from the environment. */
export async function startHaproxy(bin: string, port: number, apps: number[]) {
  const env = { FRONTEND_BIND: `127.0.0.1:${port}`, ...Object.fromEntries(apps.map((app, i) => [`APP${i + 1}`, `127.0.0.1:${app}`])) };
  return until(run('haproxy', bin, ['-db', '-f', join(deployDir, 'haproxy.cfg')], env), () => accepts(port));
}

/** The real entry point, as `npm start` runs it, on one port. */
export async function startAppProcess(port: number, env: Record<string, string>) {
  const engine = run('app', process.execPath, [...SERVER_V8_FLAGS, '--import', 'tsx', 'src/main.ts'], {
    NODE_ENV: 'production', LOG_LEVEL: 'warn', PORT: String(port), METRICS_TOKEN: TEST_METRICS_TOKEN, ...env,
  }, serverDir);
  return until(engine, async () => (await fetch(`http://127.0.0.1:${port}/ready`)).status === 200);
}
