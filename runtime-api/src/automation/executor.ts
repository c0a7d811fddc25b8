import type { ClaimedRun, RunLogEntry } from "./rule-run.js";

/**
 * How an execution of a run ended. `waiting`: a wait action parked it until `until`, to continue
 * with action `nextAction`. `failed` with `retryable: false` ends the run at once (status `failed`).
 * `log` holds this attempt's entries; the worker appends them to the run's effects.
 */
export type RunOutcome =
  | { kind: "succeeded"; log: RunLogEntry[] }
  | { kind: "waiting"; nextAction: number; until: Date; log: RunLogEntry[] }
  | { kind: "failed"; error: string; retryable: boolean; log: RunLogEntry[] };

/**
 * Executes one claimed run. The worker owns the queue bookkeeping (lease, status, backoff);
 * the executor does the work and may be called again for the same run after a crash, so what it
 * does must be idempotent. It should stop early when `signal` aborts (worker shutdown, timeout).
 * A thrown error counts as a retryable failure.
 */
export interface RunExecutor {
  execute(run: ClaimedRun, signal: AbortSignal): Promise<RunOutcome>;
}
