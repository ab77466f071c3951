/**
 * Runs `work` every `intervalMs`, one run at a time, until stopped; a failed run is logged and the
 * next one comes as usual. Jobs that every server instance runs at once must make their own work
 * safe for that (SKIP LOCKED, conditional updates): this only spaces the runs out.
 */
export class RepeatingJob {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = true;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly work: () => Promise<unknown>,
    private readonly log?: { warn(msg: string): void },
    /**
     * `afterRun` (default): the interval is the rest between runs. `fromStart`: runs start every
     * interval, as a clock ticks, however long each took (a run that overruns is followed at once).
     */
    private readonly pace: 'afterRun' | 'fromStart' = 'afterRun',
  ) {}

  start() {
    this.stopped = false;
    this.schedule();
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(lastStart?: number) {
    if (this.stopped) return;
    const delay = this.pace === 'fromStart' && lastStart !== undefined ? Math.max(0, lastStart + this.intervalMs - performance.now()) : this.intervalMs;
    this.timer = setTimeout(() => {
      const started = performance.now();
      this.running = this.work()
        .catch((error: Error) => this.log?.warn(`${this.name} failed: ${error.message}`))
        .finally(() => this.schedule(started));
    }, delay);
    this.timer.unref();
  }
}
