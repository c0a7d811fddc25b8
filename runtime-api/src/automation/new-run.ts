import type { Insertable } from "kysely";
import { json } from "../db/sql-json.js";
import type { RuleRunsTable } from "../db/tables.js";

/** Attempts a run gets before it is dead, unless its creator says otherwise. */
export const DEFAULT_MAX_ATTEMPTS = 5;

/** A rule run to insert as `queued`. */
export interface NewRun {
  workspaceId: string;
  id: string;
  appId: string;
  appVersion: number;
  ruleId: string;
  recordId: string | null;
  /** What started the run (`{type: "webhook", payload}`, `{type: "schedule", at}`…). */
  trigger: unknown;
  depth: number;
  runAt: Date;
  createdAt: Date;
  maxAttempts?: number;
}

/** The rule_runs row of a new queued run. */
export function ruleRunRow(run: NewRun): Insertable<RuleRunsTable> {
  return {
    workspace_id: run.workspaceId,
    id: run.id,
    app_id: run.appId,
    app_version: run.appVersion,
    rule_id: run.ruleId,
    record_id: run.recordId,
    trigger: json(run.trigger),
    depth: run.depth,
    status: "queued",
    attempts: 0,
    max_attempts: run.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    next_action: 0,
    run_at: run.runAt,
    effects: json([]),
    created_at: run.createdAt,
  };
}
