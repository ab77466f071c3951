import type { ChildProcess } from 'node:child_process';

/** Times a postmaster that died under a running server is started again, a second apart, before giving up. */
const RESTART_ATTEMPTS = 30;

/**
 * One embedded postmaster process, started by `start` (which resolves once it accepts connections).
 * With `onLost`, a postmaster that exits without being asked to (killed, crashed) is started again,
 * as a supervisor would; `onLost` is called with the error once it could not be for
 * RESTART_ATTEMPTS seconds. A clean exit (code 0) is never restarted: Ctrl-C in a terminal reaches
 * Postgres together with the server, which is then stopping.
 */
export class Postmaster {
  private stopping = false;
  private restarting: Promise<void> | null = null;

  private constructor(
    private child: ChildProcess,
    private readonly start: () => Promise<ChildProcess>,
    private readonly options: { log: (line: string) => void; onLost?: (error: Error) => void },
  ) {
    this.supervise(child);
  }

  static async run(start: () => Promise<ChildProcess>, options: { log: (line: string) => void; onLost?: (error: Error) => void }) {
    return new Postmaster(await start(), start, options);
  }

  /** A restart under way finishes first (it then stops what it started); then the current one stops. */
  async stop() {
    this.stopping = true;
    await this.restarting;
    await stopPostmaster(this.child);
  }

  private supervise(running: ChildProcess) {
    const { onLost, log } = this.options;
    running.once('exit', (code, signal) => {
      if (this.stopping || !onLost || (code === 0 && signal === null)) return;
      log(`embedded Postgres exited unexpectedly (code ${code}, signal ${signal}): starting it again`);
      this.restarting = this.restart(onLost).finally(() => (this.restarting = null));
    });
  }

  // Backends of a killed postmaster linger for a moment and keep its shared memory: retried each second.
  private async restart(lost: (error: Error) => void) {
    for (let attempt = 1; !this.stopping; attempt++) {
      try {
        this.child = await this.start();
        this.supervise(this.child);
        if (this.stopping) await stopPostmaster(this.child);
        else this.options.log('embedded Postgres is running again');
        return;
      } catch (error) {
        if (attempt === RESTART_ATTEMPTS) return lost(error as Error);
        await new Promise((resolveLater) => setTimeout(resolveLater, 1_000));
      }
    }
  }
}

/** Resolves once the postmaster accepts connections; rejects if it exits first. */
export function waitUntilReady(child: ChildProcess, log: (line: string) => void) {
  return new Promise<void>((resolveReady, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output = (output + text).slice(-4000);
      for (const line of text.split('\n')) if (line.trim()) log(line);
      // A hot standby (a read replica) says "ready to accept read-only connections".
      if (/database system is ready to accept (read-only )?connections/.test(text)) resolveReady();
    };
    child.stderr?.on('data', onData);
    child.stdout?.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      reject(new Error(`embedded Postgres exited during start (code ${code}, signal ${signal}): ${output}`)),
    );
  });
}

function stopPostmaster(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolveStopped) => {
    const force = setTimeout(() => child.kill('SIGQUIT'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolveStopped();
    });
    // SIGINT is Postgres' "fast" shutdown: roll back open transactions, checkpoint, exit.
    child.kill('SIGINT');
  });
}
