/**
 * Runs tasks with a bound on how many run at once in total and per host: a pack with forty links to its
 * own university site must not look like an attack on it, while links to other hosts proceed. Tasks
 * start in the order they were queued, skipping over those whose host is busy.
 */
export class HostLimiter {
  private running = 0;
  private readonly perHostRunning = new Map<string, number>();
  private readonly queue: { host: string; start: () => void }[] = [];

  constructor(
    private readonly total: number,
    private readonly perHost: number,
  ) {}

  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        host,
        start: () => {
          task()
            .then(resolve, reject)
            .finally(() => {
              this.running--;
              this.perHostRunning.set(host, (this.perHostRunning.get(host) ?? 1) - 1);
              this.pump();
            });
        },
      });
      this.pump();
    });
  }

  private pump(): void {
    for (let i = 0; i < this.queue.length && this.running < this.total; ) {
      const next = this.queue[i];
      if ((this.perHostRunning.get(next.host) ?? 0) >= this.perHost) {
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      this.running++;
      this.perHostRunning.set(next.host, (this.perHostRunning.get(next.host) ?? 0) + 1);
      next.start();
    }
  }
}
