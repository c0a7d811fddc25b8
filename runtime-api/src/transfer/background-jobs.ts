/**
 * Work this process runs after answering (imports): tracked so that closing the server stops
 * it between chunks and waits for it, instead of leaving it writing to a closed database.
 */
export class BackgroundJobs {
  private readonly running = new Set<Promise<void>>();
  private stopping = false;

  /** Whether the process is shutting down (a job checks this between chunks). */
  get stopped(): boolean {
    return this.stopping;
  }

  /** Run `work` in the background; its failure is handed to `onError`, never thrown. */
  start(work: () => Promise<void>, onError: (error: unknown) => Promise<void>): void {
    const job = work()
      .catch(onError)
      .finally(() => this.running.delete(job));
    this.running.add(job);
  }

  /** Wait for every job (they stop at their next chunk). */
  async close(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.running]);
  }

  /** Wait for every job to finish (tests). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }
}
