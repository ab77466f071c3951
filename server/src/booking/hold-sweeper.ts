import type { Database } from '../db/client.ts';
import { RepeatingJob } from '../jobs/repeating-job.ts';
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
  private readonly job: RepeatingJob;
  private readonly batchSize: number;

  constructor(
    private readonly db: Database,
    options: HoldSweeperOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.job = new RepeatingJob('hold sweep', options.intervalMs ?? 500, () => this.sweepOnce(), options.log);
  }

  start() {
    this.job.start();
  }

  stop() {
    return this.job.stop();
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
}
