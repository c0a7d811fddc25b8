import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Kysely } from "kysely";
import type { PublishedVersions } from "../apps/published-versions.js";
import type { Clock } from "../clock.js";
import type { Database } from "../db/tables.js";
import { isUnavailable } from "../error-handler.js";
import type { RunExecutor, RunOutcome } from "./executor.js";
import {
  DEFAULT_LEASE_MS,
  claimRuns,
  completeRuns,
  deferRun,
  failRun,
  releaseRun,
  type Completion,
} from "./queue.js";
import type { ClaimedRun, RunLogEntry } from "./rule-run.js";

/** A run's effects log keeps its latest entries only. */
export const MAX_LOG_ENTRIES = 200;
/** Runs a polling loop claims at once (one claim and one completion statement for all of them). */
export const DEFAULT_BATCH_SIZE = 16;

/** Options of a Worker. */
export interface WorkerOptions {
  /** Names the worker in locked_by; unique per process by default. */
  workerId?: string;
  /** Sleep between polls when nothing was due. Default 1 s. */
  pollIntervalMs?: number;
  /** Lease of a claimed run. Default DEFAULT_LEASE_MS. */
  leaseMs?: number;
  /** Polling loops, each executing its batch one run at a time. Default 1. */
  concurrency?: number;
  /** Runs a loop claims per poll. Default DEFAULT_BATCH_SIZE. */
  batchSize?: number;
  /** An execution is aborted after this long (well inside the lease). Default half the lease. */
  runTimeoutMs?: number;
  /** Randomness of the retry backoff's jitter, [0, 1). Default Math.random. */
  random?: () => number;
  /** The published versions the record effects read (their runtime's): refreshed after each claim. */
  publishedVersions?: PublishedVersions;
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

/** A claimed batch: its runs, and the completions of its succeeded runs not yet recorded. */
interface Batch {
  runs: readonly ClaimedRun[];
  done: Completion[];
  errors: unknown[];
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The run's log with this attempt's entries appended, trimmed to the newest MAX_LOG_ENTRIES. */
function appendLog(previous: readonly unknown[], entries: readonly RunLogEntry[]): unknown[] {
  return [...previous, ...entries].slice(-MAX_LOG_ENTRIES);
}

/**
 * A queue worker: claims due runs in batches (FOR UPDATE SKIP LOCKED, leased), executes each with
 * the executor and records the outcome (succeeded, parked at a wait, retried with backoff, failed
 * or dead). Successes of a batch are recorded together at its end (one statement); the other
 * outcomes at once. A run of the batch whose lease has less than the run timeout left is given
 * back unstarted (queued again, the attempt not counted). `start()` polls until `stop()`;
 * `runOnce()` does one claim-and-execute pass without timers (tests). Several workers, in one
 * process or many, share the queue safely.
 */
export class Worker {
  readonly workerId: string;
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private readonly batchSize: number;
  private readonly runTimeoutMs: number;
  private readonly random: () => number;
  private readonly onError: (err: unknown) => void;
  private readonly publishedVersions: PublishedVersions | undefined;
  private readonly inFlight = new Map<string, InFlight>();
  /** Claimed runs of the batches not started yet: stop() gives them back. */
  private readonly unstarted = new Map<string, ClaimedRun>();
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
    this.batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
    this.runTimeoutMs = options.runTimeoutMs ?? Math.floor(this.leaseMs / 2);
    this.random = options.random ?? Math.random;
    this.publishedVersions = options.publishedVersions;
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
    const waiting = [...this.unstarted.values()];
    this.unstarted.clear();
    for (const run of waiting) {
      try {
        await releaseRun(this.runtime.db, run);
      } catch (err) {
        this.onError(err);
      }
    }
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

  /**
   * Claim what is due at `now` (at most `limit` runs) and execute it, `parallel` runs at a time
   * (default all at once); answers how many were claimed. A run that fails does not stop the
   * others; the first error recording an outcome is thrown once the whole batch is done.
   */
  async runOnce(
    now: Date = this.runtime.clock.now(),
    limit = this.concurrency,
    parallel = limit,
  ): Promise<number> {
    const runs = await claimRuns(this.runtime.db, this.workerId, now, limit, this.leaseMs);
    if (runs.length === 0) return 0;
    for (const run of runs) this.unstarted.set(run.id, run);
    this.publishedVersions?.refresh();
    const batch: Batch = { runs, done: [], errors: [] };
    let next = 0;
    const lane = async (): Promise<void> => {
      for (let run = runs[next++]; run !== undefined; run = runs[next++]) {
        try {
          await this.startOrGiveBack(batch, run);
        } catch (err) {
          batch.errors.push(err);
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, runs.length)) }, lane));
    } finally {
      await this.flush(batch).catch((err: unknown) => batch.errors.push(err));
    }
    if (batch.errors.length > 0) throw batch.errors[0];
    return runs.length;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let ran = 0;
      try {
        ran = await this.runOnce(this.runtime.clock.now(), this.batchSize, 1);
      } catch (err) {
        this.onError(err);
      }
      if (ran === 0) await this.sleep(this.pollIntervalMs);
    }
  }

  /**
   * Execute a run of the batch, unless the worker is stopping or too little of the batch's lease is
   * left for it to finish (then it goes back to the queue for another claim, after the batch's
   * successes so far are recorded while their lease still holds).
   */
  private async startOrGiveBack(batch: Batch, run: ClaimedRun): Promise<void> {
    // stop() gave it back already.
    if (!this.unstarted.delete(run.id)) return;
    const leaseLeft = run.lockedUntil.getTime() - this.runtime.clock.now().getTime();
    if (this.stopping || leaseLeft <= this.runTimeoutMs) {
      await this.flush(batch);
      await releaseRun(this.runtime.db, run);
      return;
    }
    const completion = await this.process(run);
    if (completion !== undefined) batch.done.push(completion);
    // A worker stopped meanwhile records at once what it finished: its batch may not get to its end.
    if (this.isStopping()) await this.flush(batch);
  }

  /** Whether stop() was called (read anew after an await: the compiler would assume it unchanged). */
  private isStopping(): boolean {
    return this.stopping;
  }

  /** Record the batch's successes so far (retried while the database is unreachable, as untilRecorded). */
  private async flush(batch: Batch): Promise<void> {
    const done = batch.done.splice(0);
    // The runs of a batch were claimed together: the first one's lease is every one's.
    const [first] = done;
    if (first === undefined) return;
    await this.untilRecorded(first.run, () => completeRuns(this.runtime.db, done));
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

  /**
   * Execute one claimed run and record its outcome (unless stop() released it meanwhile); a
   * success is answered instead, for the batch to record with the others.
   */
  private async process(run: ClaimedRun): Promise<Completion | undefined> {
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
      if (flight.released) return undefined;
      const effectsLog = appendLog(run.effects, outcome.log);
      if (outcome.kind === "succeeded") return { run, effectsLog, finishedAt: this.runtime.clock.now() };
      await this.untilRecorded(run, () => this.record(run, outcome, effectsLog), flight);
      return undefined;
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(run.id);
    }
  }

  /**
   * Record an outcome; while the database is unreachable (a restart), try again every poll
   * interval until it is back or the lease is about to pass, so the run does not sit `running`
   * for its whole lease after a short outage.
   */
  private async untilRecorded(
    run: ClaimedRun,
    write: () => Promise<unknown>,
    flight?: InFlight,
  ): Promise<void> {
    for (;;) {
      try {
        await write();
        return;
      } catch (err) {
        const leaseEnds = run.lockedUntil.getTime() - this.pollIntervalMs;
        if (
          !isUnavailable(err) ||
          this.stopping ||
          flight?.released === true ||
          this.runtime.clock.now().getTime() >= leaseEnds
        )
          throw err;
        this.onError(err);
        await this.sleep(this.pollIntervalMs);
      }
    }
  }

  /** Record an outcome other than success (those are recorded per batch). */
  private async record(
    run: ClaimedRun,
    outcome: Exclude<RunOutcome, { kind: "succeeded" }>,
    effectsLog: unknown[],
  ): Promise<void> {
    const { db, clock } = this.runtime;
    switch (outcome.kind) {
      case "waiting":
        await deferRun(db, run, { nextAction: outcome.nextAction, until: outcome.until, effectsLog });
        return;
      case "failed":
        await failRun(db, run, outcome.error, clock.now(), {
          retryable: outcome.retryable,
          random: this.random,
          effectsLog,
        });
        return;
    }
  }
}
