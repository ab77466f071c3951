// Starts fanout-client.ts in its own process (20,000 sockets' worth of client work stays out of the
// server's process) and picks the figures to report: the largest step that stayed within bounds.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FanoutSpec, FanoutStep } from './fanout-client.ts';
import { globalId, type Fixtures } from './fixtures.ts';

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

/** The fan-out ramp's settings, for whichever server it runs against. */
export function fanoutSpec(databaseUrl: string, fixtures: Fixtures, plan: { fanoutSteps: number[]; probes: number }): Omit<FanoutSpec, 'httpUrl' | 'serverPid'> {
  return {
    databaseUrl,
    concertGid: globalId('Concert', fixtures.fanout.concertId),
    concertId: fixtures.fanout.concertId,
    tierGid: globalId('TicketTier', fixtures.fanout.tierIds[0]),
    tierId: fixtures.fanout.tierIds[0],
    steps: plan.fanoutSteps,
    probesPerStep: plan.probes,
    // One booking a second on the watched tier: each step then measures how long one change takes
    // to reach every subscriber, not a backlog of changes queued behind each other.
    probeIntervalMs: 1_000,
    maxP99Ms: 1_000,
    maxServerRss: 4 * 2 ** 30,
    apiKey: fixtures.partnerKeys.limited,
  };
}
