import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Kysely } from "kysely";
import type { Clock } from "../clock.js";
import type { Database } from "../db/tables.js";
import { isUnavailable } from "../error-handler.js";
import type { RunExecutor, RunOutcome } from "./executor.js";
import { DEFAULT_LEASE_MS, claimRuns, completeRun, deferRun, failRun, releaseRun } from "./queue.js";
import type { ClaimedRun, RunLogEntry } from "./rule-run.js";

/** A run's effects log keeps its latest entries only. */
export const MAX_LOG_ENTRIES = 200;

/** Options of a Worker. */
export interface WorkerOptions {
  /** Names the worker in locked_by; unique per process by default. */
  workerId?: string;
  /** Sleep between polls when nothing was due. Default 1 s. */
  pollIntervalMs?: number;
  /** Lease of a claimed run. Default DEFAULT_LEASE_MS. */
  leaseMs?: number;
  /** Runs executed at once. Default 1. */
  concurrency?: number;
  /** An execution is aborted after this long (well inside the lease). Default half the lease. */
  runTimeoutMs?: number;
  /** Randomness of the retry backoff's jitter, [0, 1). Default Math.random. */
  random?: () => number;
  /** Errors of the loop itself (database unavailable…); the loop keeps going. */
  onError?: (err: unknown) => void;
}

/** What a worker needs of the runtime. */
export interface WorkerRuntime {
  db: Kysely<Database>;
  clock: Clock;
}

interface InFlight {
  run: ClaimedRun;
  controller: AbortController;
  released: boolean;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The run's log with this attempt's entries appended, trimmed to the newest MAX_LOG_ENTRIES. */
function appendLog(previous: readonly unknown[], entries: readonly RunLogEntry[]): unknown[] {
  return [...previous, ...entries].slice(-MAX_LOG_ENTRIES);
}

/**
 * A queue worker: claims due runs (FOR UPDATE SKIP LOCKED, leased), executes each with the
 * executor and records the outcome (succeeded, parked at a wait, retried with backoff, failed or
 * dead). `start()` polls until `stop()`; `runOnce()` does one claim-and-execute pass without
 * timers (tests). Several workers, in one process or many, share the queue safely.
 */
export class Worker {
  readonly workerId: string;
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private readonly runTimeoutMs: number;
  private readonly random: () => number;
  private readonly onError: (err: unknown) => void;
  private readonly inFlight = new Map<string, InFlight>();
  private readonly wakers = new Set<() => void>();
  private loops: Promise<void>[] = [];
  private stopping = false;

  constructor(
    private readonly runtime: WorkerRuntime,
    private readonly executor: RunExecutor,
    options: WorkerOptions = {},
  ) {
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.concurrency = Math.max(1, options.concurrency ?? 1);
    this.runTimeoutMs = options.runTimeoutMs ?? Math.floor(this.leaseMs / 2);
    this.random = options.random ?? Math.random;
    this.onError =
      options.onError ??
      ((err: unknown) => {
        console.error("automation worker:", err);
      });
  }

  /** Start polling (one loop per unit of concurrency). */
  start(): void {
    if (this.loops.length > 0) return;
    this.stopping = false;
    this.loops = Array.from({ length: this.concurrency }, () => this.loop());
  }

  /**
   * Stop polling; in-flight runs get `graceMs` to finish, then they are aborted and released
   * (queued again, the attempt not counted) for another worker.
   */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    this.wake();
    const loops = Promise.all(this.loops);
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
    });
    await Promise.race([loops, grace]);
    clearTimeout(timer);
    for (const flight of this.inFlight.values()) {
      flight.released = true;
      flight.controller.abort(new Error("the worker is stopping"));
      try {
        await releaseRun(this.runtime.db, flight.run);
      } catch (err) {
        // The lease expires anyway: another worker will take the run over.
        this.onError(err);
      }
    }
    this.loops = [];
  }

  /** Poll now: a sleeping loop claims at once (runs were queued) instead of at its next poll. */
  wake(): void {
    for (const wake of this.wakers) wake();
  }

  /** Claim what is due at `now` (at most `limit` runs) and execute it; answers how many ran. */
  async runOnce(now: Date = this.runtime.clock.now(), limit = this.concurrency): Promise<number> {
    const runs = await claimRuns(this.runtime.db, this.workerId, now, limit, this.leaseMs);
    await Promise.all(runs.map((run) => this.process(run)));
    return runs.length;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let ran = 0;
      try {
        ran = await this.runOnce(this.runtime.clock.now(), 1);
      } catch (err) {
        this.onError(err);
      }
      if (ran === 0) await this.sleep(this.pollIntervalMs);
    }
  }

  /** Wait before the next poll; stop() wakes every sleeper. */
  private sleep(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
  }

  /** Execute one claimed run and record its outcome (unless stop() released it meanwhile). */
  private async process(run: ClaimedRun): Promise<void> {
    const flight: InFlight = { run, controller: new AbortController(), released: false };
    this.inFlight.set(run.id, flight);
    const timer = setTimeout(() => {
      flight.controller.abort(new Error(`the run took longer than ${this.runTimeoutMs} ms`));
    }, this.runTimeoutMs);
    try {
      let outcome: RunOutcome;
      if (run.attempts > run.maxAttempts) {
        // Its worker died every time (the lease ran out): a poison run must not kill the next one.
        const error = `the run was interrupted ${run.attempts - 1} times without finishing`;
        outcome = { kind: "failed", error, retryable: true, log: [] };
      } else {
        try {
          outcome = await this.executor.execute(run, flight.controller.signal);
        } catch (err) {
          outcome = { kind: "failed", error: messageOf(err), retryable: true, log: [] };
        }
      }
      if (!flight.released) await this.recordUntilDone(run, flight, outcome);
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(run.id);
    }
  }

  /**
   * Record the outcome; while the database is unreachable (a restart), try again every poll
   * interval until it is back or the lease is about to pass, so the run does not sit `running`
   * for its whole lease after a short outage.
   */
  private async recordUntilDone(run: ClaimedRun, flight: InFlight, outcome: RunOutcome): Promise<void> {
    for (;;) {
      try {
        await this.record(run, outcome);
        return;
      } catch (err) {
        const leaseEnds = run.lockedUntil.getTime() - this.pollIntervalMs;
        if (
          !isUnavailable(err) ||
          this.stopping ||
          flight.released ||
          this.runtime.clock.now().getTime() >= leaseEnds
        )
          throw err;
        this.onError(err);
        await this.sleep(this.pollIntervalMs);
      }
    }
  }

  private async record(run: ClaimedRun, outcome: RunOutcome): Promise<void> {
    const { db, clock } = this.runtime;
    const effectsLog = appendLog(run.effects, outcome.log);
    const now = clock.now();
    switch (outcome.kind) {
      case "succeeded":
        await completeRun(db, run, effectsLog, now);
        return;
      case "waiting":
        await deferRun(db, run, { nextAction: outcome.nextAction, until: outcome.until, effectsLog });
        return;
      case "failed":
        await failRun(db, run, outcome.error, now, {
          retryable: outcome.retryable,
          random: this.random,
          effectsLog,
        });
        return;
    }
  }
}
