import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { freePort } from '../db/free-port.ts';
import { SERVER_V8_FLAGS } from '../runtime-flags.ts';

export interface SpawnServerOptions {
  /** A TypeScript entry file, run as `node <SERVER_V8_FLAGS> --import tsx <entry>`. */
  entry: string;
  cwd?: string;
  /** The child's whole environment; PORT is set to the chosen port. */
  env: NodeJS.ProcessEnv;
  /** Default: a free loopback port. */
  port?: number;
  /** Answers 200 once the server is ready: `/ready` (database and LISTEN up) or `/health` (process up). */
  readyPath?: '/ready' | '/health';
  timeoutMs?: number;
  /** After SERVER_V8_FLAGS, so a flag given here wins. */
  nodeArgs?: string[];
  /** Default: output collected for error messages. `ipc` adds a message channel (the bench asks the server questions). */
  ipc?: boolean;
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** Everything the process wrote so far, for failure messages. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM (a graceful stop, which also stops an embedded Postgres), then SIGKILL after `forceAfterMs`. */
  stop(forceAfterMs?: number): Promise<void>;
}

/**
 * Starts a server entry point as a process of its own and resolves once it answers `readyPath`. One
 * way of doing it for the server's process tests, the web app's end-to-end setup and the bench.
 */
export async function spawnServer(options: SpawnServerOptions): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const stdio: StdioOptions = options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'];
  const child = spawn(process.execPath, [...SERVER_V8_FLAGS, ...(options.nodeArgs ?? []), '--import', 'tsx', options.entry], {
    cwd: options.cwd,
    env: { ...options.env, PORT: String(port) },
    stdio,
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const base = `http://127.0.0.1:${port}`;
  const server: ServerProcess = { child, port, base, output: () => output, exited, stop: (forceAfterMs) => stopProcess(child, exited, forceAfterMs) };
  try {
    await waitUntilReady(`${base}${options.readyPath ?? '/ready'}`, exited, options.timeoutMs ?? 30_000);
  } catch (error) {
    await server.stop(5_000);
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`);
  }
  return server;
}

async function waitUntilReady(url: string, exited: ServerProcess['exited'], timeoutMs: number) {
  let exit: Awaited<ServerProcess['exited']> | undefined;
  void exited.then((result) => (exit = result));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exit) throw new Error(`server exited during start (code ${exit.code}, signal ${exit.signal})`);
    const status = await fetch(url).then((response) => response.status, () => 0);
    if (status === 200) return;
    // Polling is the signal here: a child process has no other way to say it is ready.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server did not answer GET ${url} with 200 within ${timeoutMs} ms`);
}

async function stopProcess(child: ChildProcess, exited: ServerProcess['exited'], forceAfterMs = 25_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const force = setTimeout(() => child.kill('SIGKILL'), forceAfterMs);
  await exited;
  clearTimeout(force);
}
