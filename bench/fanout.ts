// Starts fanout-client.ts in its own process (20,000 sockets' worth of client work stays out of the
// server's process) and picks the figures to report: the largest step that stayed within bounds.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FanoutSpec, FanoutStep } from './fanout-client.ts';

export interface FanoutServer {
  memory(): Promise<unknown>;
  /** Absent for a server without the bench's IPC hook (main.ts). */
  fanoutTimes?(): Promise<unknown>;
}

export async function runFanout(spec: FanoutSpec, server: FanoutServer, onStep: (step: FanoutStep) => void) {
  const child = fork(fileURLToPath(new URL('./fanout-client.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { steps, baselineRssBytes } = await new Promise<{ steps: FanoutStep[]; baselineRssBytes: number }>((resolve, reject) => {
    child.on('message', (message: { memory?: boolean; fanoutTimes?: boolean; progress?: FanoutStep; result?: { steps: FanoutStep[]; baselineRssBytes: number }; error?: string }) => {
      if (message.memory) void server.memory().then((memory) => child.send({ memory }));
      else if (message.fanoutTimes) void (server.fanoutTimes?.() ?? Promise.resolve(null)).then((fanoutTimes) => child.send({ fanoutTimes }));
      else if (message.progress) onStep(message.progress);
      else if (message.result) resolve(message.result);
      else if (message.error) reject(new Error(message.error));
    });
    child.once('exit', (code) => code !== 0 && reject(new Error(`fanout client exited with code ${code}`)));
    child.send(spec);
  });
  const within = steps.filter((step) => step.p99Ms <= spec.maxP99Ms && step.connected === step.subscribers);
  const reported = within.at(-1) ?? steps[0];
  return { reported, steps, baselineRssBytes, bounds: { maxP99Ms: spec.maxP99Ms, maxServerRssBytes: spec.maxServerRss } };
}
