import type { Database } from '../db/client.ts';
import { expiredHolds, releaseHolds } from './hold-release.ts';

export interface HoldSweeperOptions {
  /** How often expired holds are looked for; a hold is back on sale at most this long after it expires. */
  intervalMs?: number;
  /** Holds ended per statement, so that one statement never keeps tier rows locked for long. */
  batchSize?: number;
  log?: { warn(msg: string): void };
}

/**
 * Puts the tickets of expired holds back on sale. Every server instance runs one, and they may all
 * sweep at once: each statement takes only holds no one else has locked (SKIP LOCKED) and ends only
 * those still PENDING, so every hold is ended once, by one instance, however many there are.
 */
export class HoldSweeper {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private readonly intervalMs: number;
  private readonly batchSize: number;

  constructor(
    private readonly db: Database,
    private readonly options: HoldSweeperOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 500;
    this.batchSize = options.batchSize ?? 500;
  }

  start() {
    this.stopped = false;
    this.schedule();
  }

  /** Ends every hold expired by now; resolves with how many this call ended. */
  async sweepOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const [{ released }] = (await this.db.execute<{ released: number }>(releaseHolds(expiredHolds(this.batchSize), 'EXPIRED'))).rows;
      total += released;
      if (released < this.batchSize) return total;
    }
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule() {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sweepOnce()
        .catch((error: Error) => this.options.log?.warn(`hold sweep failed: ${error.message}`))
        .finally(() => this.schedule());
    }, this.intervalMs);
    this.timer.unref();
  }
}
