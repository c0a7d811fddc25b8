import type { Selectable } from "kysely";
import type { RuleRunsTable } from "../db/tables.js";

/**
 * The life of a rule run: `queued` (due at run_at) → `running` (leased by a worker) → `succeeded`;
 * a failed attempt goes back to `queued` with a backoff, `dead` once its attempts are spent,
 * `failed` at once when retrying cannot help (the rule or its app version is gone, an expression
 * does not evaluate, a webhook URL is refused). A person may retry `failed` and `dead` runs.
 */
export const RUN_STATUSES = ["queued", "running", "succeeded", "failed", "dead"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** What happened to one effect of a run, as its log shows it (never secrets, headers or query strings). */
export interface RunLogEntry {
  /** The attempt that wrote the entry (attempts restart at 1 after a wait). */
  attempt: number;
  at: string;
  /** The action the effect came from, null for entries about the run itself. */
  actionIndex: number | null;
  type: string;
  outcome: "applied" | "skipped" | "delivered" | "waiting" | "failed" | "refused";
  summary: string;
}

/** A rule run as a worker holds it. */
export interface RuleRun {
  workspaceId: string;
  id: string;
  appId: string;
  appVersion: number;
  ruleId: string;
  recordId: string | null;
  trigger: unknown;
  depth: number;
  status: string;
  attempts: number;
  maxAttempts: number;
  nextAction: number;
  runAt: Date;
  lockedBy: string | null;
  lockedUntil: Date | null;
  error: string | null;
  effects: unknown[];
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** A run claimed by a worker: `lockedBy` names it until `lockedUntil`. */
export type ClaimedRun = RuleRun & { lockedBy: string; lockedUntil: Date };

/** A rule_runs row as a RuleRun. */
export function ruleRunOf(row: Selectable<RuleRunsTable>): RuleRun {
  return {
    workspaceId: row.workspace_id,
    id: row.id,
    appId: row.app_id,
    appVersion: row.app_version,
    ruleId: row.rule_id,
    recordId: row.record_id,
    trigger: row.trigger,
    depth: row.depth,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    nextAction: row.next_action,
    runAt: row.run_at,
    lockedBy: row.locked_by,
    lockedUntil: row.locked_until,
    error: row.error,
    effects: Array.isArray(row.effects) ? row.effects : [],
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

/** The run as a claim left it, or undefined when the row is not leased. */
export function claimedRunOf(row: Selectable<RuleRunsTable>): ClaimedRun | undefined {
  const run = ruleRunOf(row);
  const { lockedBy, lockedUntil } = run;
  if (lockedBy === null || lockedUntil === null) return undefined;
  return { ...run, lockedBy, lockedUntil };
}
