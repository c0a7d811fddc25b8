import { sql, type Kysely } from "kysely";
import type { Database } from "../db/tables.js";
import { json } from "../db/sql-json.js";
import { claimedRunOf, ruleRunOf, type ClaimedRun, type RuleRun, type RunStatus } from "./rule-run.js";

// rule_runs is the transactional outbox and the work queue at once: the write that triggers a rule
// inserts a queued row in its own transaction; workers claim rows with FOR UPDATE SKIP LOCKED (two
// claimers never get the same row, neither waits for the other) and hold them by a lease, so a run
// whose worker died is claimed again once the lease passes. Every write after the claim checks the
// lease holder and the lease itself (locked_by and locked_until as claimed): a worker that lost its
// lease cannot overwrite the run, even when the run was claimed again by another loop of its process.

/** How long a claim holds a run before another worker may take it over. */
export const DEFAULT_LEASE_MS = 5 * 60_000;
/** Backoff of the first retry; it doubles per attempt up to MAX_BACKOFF_MS. */
export const BASE_BACKOFF_MS = 10_000;
export const MAX_BACKOFF_MS = 3_600_000;

/**
 * Claim up to `limit` due runs for a worker: queued runs whose run_at has come, and running runs
 * whose lease has passed (their worker died). Each is marked running with a lease until
 * now + leaseMs, its attempts counted and its first start time set. Oldest first.
 */
export async function claimRuns(
  db: Kysely<Database>,
  workerId: string,
  now: Date,
  limit: number,
  leaseMs = DEFAULT_LEASE_MS,
): Promise<ClaimedRun[]> {
  const rows = await db
    .with("due", (qb) =>
      qb
        .selectFrom("rule_runs")
        .select(["workspace_id", "id"])
        .where((eb) =>
          eb.or([
            eb.and([eb("status", "=", "queued"), eb("run_at", "<=", now)]),
            eb.and([eb("status", "=", "running"), eb("locked_until", "<=", now)]),
          ]),
        )
        .orderBy("run_at")
        .orderBy("created_at")
        .orderBy("id")
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .updateTable("rule_runs")
    .from("due")
    .set((eb) => ({
      status: "running",
      locked_by: workerId,
      locked_until: new Date(now.getTime() + leaseMs),
      attempts: eb("rule_runs.attempts", "+", 1),
      started_at: eb.fn.coalesce("rule_runs.started_at", eb.val(now)),
    }))
    .whereRef("rule_runs.workspace_id", "=", "due.workspace_id")
    .whereRef("rule_runs.id", "=", "due.id")
    .returningAll("rule_runs")
    .execute();
  const runs = rows.map(claimedRunOf).filter((run) => run !== undefined);
  return runs.sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id.localeCompare(b.id));
}

/** The update of a run still leased by the claim that answered `run`. */
function leased(db: Kysely<Database>, run: ClaimedRun) {
  return db
    .updateTable("rule_runs")
    .where("workspace_id", "=", run.workspaceId)
    .where("id", "=", run.id)
    .where("status", "=", "running")
    .where("locked_by", "=", run.lockedBy)
    .where("locked_until", "=", run.lockedUntil);
}

/** Mark a run succeeded with its effect log; false when the worker no longer held it. */
export async function completeRun(
  db: Kysely<Database>,
  run: ClaimedRun,
  effectsLog: readonly unknown[],
  now: Date,
): Promise<boolean> {
  return (await completeRuns(db, [{ run, effectsLog, finishedAt: now }])).has(run.id);
}

/** One run of completeRuns: the run as claimed, its new effect log and when it finished. */
export interface Completion {
  run: ClaimedRun;
  effectsLog: readonly unknown[];
  finishedAt: Date;
}

/**
 * Mark several runs succeeded in one statement (a worker's batch), each with its own effect log
 * and finish time, each only while its claim still holds (as completeRun). Answers the ids of the
 * runs it completed; a run whose lease was lost meanwhile is left to the claim that holds it now.
 */
export async function completeRuns(
  db: Kysely<Database>,
  completions: readonly Completion[],
): Promise<Set<string>> {
  if (completions.length === 0) return new Set();
  const rows = completions.map(({ run, effectsLog, finishedAt }) => ({
    workspaceId: run.workspaceId,
    id: run.id,
    lockedBy: run.lockedBy,
    lockedUntil: run.lockedUntil.toISOString(),
    effects: effectsLog,
    finishedAt: finishedAt.toISOString(),
  }));
  // One row per run, read from a JSON array: the runs differ in effect log and finish time.
  const done = sql.ref("done.value");
  const field = (name: string) => sql<string>`${done} ->> ${sql.lit(name)}`;
  const updated = await db
    .updateTable("rule_runs")
    .from(sql`jsonb_array_elements(${json(rows)}::jsonb)`.as("done"))
    .set({
      status: "succeeded",
      locked_by: null,
      locked_until: null,
      error: null,
      effects: sql`${done} -> 'effects'`,
      finished_at: sql`(${field("finishedAt")})::timestamptz`,
    })
    .where("rule_runs.status", "=", "running")
    .where("rule_runs.workspace_id", "=", field("workspaceId"))
    .where("rule_runs.id", "=", field("id"))
    .where("rule_runs.locked_by", "=", field("lockedBy"))
    .where("rule_runs.locked_until", "=", sql<Date>`(${field("lockedUntil")})::timestamptz`)
    .returning("rule_runs.id")
    .execute();
  return new Set(updated.map((row) => row.id));
}

/** Park a run at a wait: queued again at `until`, continuing with action `nextAction` (attempts restart). */
export async function deferRun(
  db: Kysely<Database>,
  run: ClaimedRun,
  next: { nextAction: number; until: Date; effectsLog: readonly unknown[] },
): Promise<boolean> {
  const result = await leased(db, run)
    .set({
      status: "queued",
      next_action: next.nextAction,
      run_at: next.until,
      attempts: 0,
      locked_by: null,
      locked_until: null,
      error: null,
      effects: json(next.effectsLog),
    })
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * The delay before retry number `attempt` (1-based): exponential from BASE_BACKOFF_MS, capped at
 * MAX_BACKOFF_MS, with "equal jitter" (half fixed, half random) so failed runs spread out.
 * `random` returns [0, 1) (Math.random in production, a constant in tests).
 */
export function backoffMs(attempt: number, random: () => number): number {
  const exponential = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/** How failRun records a failure. */
export interface FailureOptions {
  /** False when retrying cannot help: the run ends `failed` at once. Default true. */
  retryable?: boolean;
  random: () => number;
  effectsLog: readonly unknown[];
}

/**
 * Record a failed attempt: back to `queued` after a backoff, `dead` once max_attempts are spent,
 * `failed` when not retryable. Answers the new status, or undefined when the worker no longer held it.
 */
export async function failRun(
  db: Kysely<Database>,
  run: ClaimedRun,
  error: string,
  now: Date,
  options: FailureOptions,
): Promise<RunStatus | undefined> {
  const retryable = options.retryable ?? true;
  const status: RunStatus = !retryable ? "failed" : run.attempts >= run.maxAttempts ? "dead" : "queued";
  const final = status !== "queued";
  const result = await leased(db, run)
    .set({
      status,
      locked_by: null,
      locked_until: null,
      error: error.slice(0, 2000),
      effects: json(options.effectsLog),
      ...(final
        ? { finished_at: now }
        : { run_at: new Date(now.getTime() + backoffMs(run.attempts, options.random)) }),
    })
    .executeTakeFirst();
  return result.numUpdatedRows > 0n ? status : undefined;
}

/** Give a claimed run back (worker shutdown): queued again at once, the attempt not counted. */
export async function releaseRun(db: Kysely<Database>, run: ClaimedRun): Promise<boolean> {
  const result = await leased(db, run)
    .set((eb) => ({
      status: "queued",
      attempts: eb("attempts", "-", 1),
      locked_by: null,
      locked_until: null,
    }))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** retryRun's answer. */
export type RetryResult =
  | { ok: true; run: RuleRun }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "not_retryable"; status: string };

/**
 * A person retries a `failed` or `dead` run: queued now with its attempts reset; it continues at
 * the action where it stopped, and record effects it already applied are skipped.
 */
export async function retryRun(
  db: Kysely<Database>,
  workspaceId: string,
  appId: string,
  runId: string,
  now: Date,
): Promise<RetryResult> {
  const row = await db
    .updateTable("rule_runs")
    .set({
      status: "queued",
      attempts: 0,
      run_at: now,
      error: null,
      finished_at: null,
      locked_by: null,
      locked_until: null,
    })
    .where("workspace_id", "=", workspaceId)
    .where("app_id", "=", appId)
    .where("id", "=", runId)
    .where("status", "in", ["failed", "dead"])
    .returningAll()
    .executeTakeFirst();
  if (row) return { ok: true, run: ruleRunOf(row) };
  const existing = await db
    .selectFrom("rule_runs")
    .select("status")
    .where("workspace_id", "=", workspaceId)
    .where("app_id", "=", appId)
    .where("id", "=", runId)
    .executeTakeFirst();
  return existing
    ? { ok: false, reason: "not_retryable", status: existing.status }
    : { ok: false, reason: "not_found" };
}
