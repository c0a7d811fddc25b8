import type { PublishedVersions } from "../apps/published-versions.js";
import type { Runtime } from "../runtime.js";
import { createRuleExecutor, type ApplyRecordEffect, type RuleExecutorOptions } from "./rule-executor.js";
import { startScheduler } from "./scheduler.js";
import { Worker } from "./worker.js";

/** How a process runs automation (see main.ts). */
export interface AutomationOptions extends RuleExecutorOptions {
  /** Workers in this process (config WORKERS); 0 runs none. */
  workers: number;
  applyRecordEffect: ApplyRecordEffect;
  /** The published versions applyRecordEffect's runtime reads: each claimed batch refreshes them. */
  publishedVersions?: PublishedVersions;
  /** Run the scheduler loop here (only one instance ticks at a time). Default: when workers > 0. */
  scheduler?: boolean;
  schedulerIntervalMs?: number;
  pollIntervalMs?: number;
  /**
   * Subscribe `wake` to the database's "runs were queued" notifications (OpenDatabase.listen on
   * RUNS_QUEUED_CHANNEL): idle workers then start a run right after the commit that queued it,
   * not at their next poll. Without it they poll only.
   */
  wakeOn?: (wake: () => void) => Promise<() => Promise<void>>;
  onError?: (err: unknown) => void;
}

/** Running automation: stop it before closing the database. */
export interface RunningAutomation {
  workers: readonly Worker[];
  /** Stop the scheduler, then the workers (in-flight runs get `graceMs`, then are released). */
  stop(graceMs?: number): Promise<void>;
}

/** Start this process's workers and scheduler. */
export function startAutomation(runtime: Runtime, options: AutomationOptions): RunningAutomation {
  const executor = createRuleExecutor(runtime, options.applyRecordEffect, options);
  const onError = options.onError !== undefined ? { onError: options.onError } : {};
  const poll = options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {};
  const versions =
    options.publishedVersions !== undefined ? { publishedVersions: options.publishedVersions } : {};
  const workers = Array.from(
    { length: options.workers },
    () => new Worker(runtime, executor, { ...poll, ...onError, ...versions }),
  );
  for (const worker of workers) worker.start();
  const wake = (): void => {
    for (const worker of workers) worker.wake();
  };
  const unlisten =
    workers.length > 0 && options.wakeOn !== undefined
      ? options.wakeOn(wake).catch((err: unknown) => {
          // Polling still runs every queued run: a failed subscription only costs latency.
          options.onError?.(err);
          return undefined;
        })
      : Promise.resolve(undefined);
  const scheduler =
    (options.scheduler ?? options.workers > 0)
      ? startScheduler(runtime, options.schedulerIntervalMs, options.onError)
      : undefined;
  return {
    workers,
    stop: async (graceMs) => {
      await (
        await unlisten
      )?.();
      await scheduler?.stop();
      await Promise.all(workers.map((worker) => worker.stop(graceMs)));
    },
  };
}
