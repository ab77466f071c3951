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

  private schedule() {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.work()
        .catch((error: Error) => this.log?.warn(`${this.name} failed: ${error.message}`))
        .finally(() => this.schedule());
    }, this.intervalMs);
    this.timer.unref();
  }
}
