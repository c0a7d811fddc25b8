import { sql } from "kysely";
import type { Runtime } from "../runtime.js";
import { notFound } from "../problem.js";
import type { FieldChange } from "./data-diff.js";
import { loadScopedForm, type RecordScope } from "./record-scope.js";

/** One entry of a record's audit trail. */
export interface HistoryEntry {
  id: string;
  /** An AuditKind (created, updated, transitioned, deleted); other writers may add kinds. */
  kind: string;
  changes: FieldChange[];
  fromStage: string | null;
  toStage: string | null;
  actor: { type: string; id: string | null };
  runId: string | null;
  at: string;
  /** Approval events: the approval's id, the action, the step and the comment. */
  detail?: unknown;
}

function isFieldChange(value: unknown): value is FieldChange {
  return typeof value === "object" && value !== null && "field" in value && typeof value.field === "string";
}

/**
 * A record's audit trail, oldest first: every create, change (field, old, new), move, approval
 * step and deletion, with who or what did it. The trail outlives the record; 404 when the scope holds no
 * trail for the id.
 */
export async function recordHistory(
  runtime: Runtime,
  scope: RecordScope,
  recordId: string,
): Promise<HistoryEntry[]> {
  await loadScopedForm(runtime, scope);
  const rows = await runtime.db
    .selectFrom("record_events")
    // bigserial: a number from pg, a string elsewhere; text everywhere in the answer.
    .select(sql<string>`id::text`.as("id"))
    .select(["kind", "changes", "from_stage", "to_stage", "actor_type", "actor_id", "run_id", "at", "detail"])
    .where("workspace_id", "=", scope.workspaceId)
    .where("app_id", "=", scope.appId)
    .where("form_id", "=", scope.formId)
    .where("record_id", "=", recordId)
    .orderBy("at")
    .orderBy("id")
    .execute();
  if (rows.length === 0) throw notFound("record");
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    changes: row.changes.filter(isFieldChange),
    fromStage: row.from_stage,
    toStage: row.to_stage,
    actor: { type: row.actor_type, id: row.actor_id },
    runId: row.run_id,
    at: row.at.toISOString(),
    ...(row.detail === null ? {} : { detail: row.detail }),
  }));
}
