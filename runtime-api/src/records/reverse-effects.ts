import type { Kysely } from "kysely";
import type { Database } from "../db/tables.js";
import type { Runtime } from "../runtime.js";
import type { Actor } from "./actor.js";
import type { RecordScope } from "./record-scope.js";
import { updateRecord } from "./update-record.js";

/** A stored value as a number for an increment: non-numbers count as 0. */
export function finiteNumber(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

/**
 * Undo the increments rules made elsewhere because `recordId` entered `stage` (update_records with
 * reverseOnLeave), now that it leaves it: each target gets the opposite increment, written like any
 * other change (audit trail, rules at `depth`), and the entry is marked reversed so it happens once.
 * Runs inside the caller's transaction (`tx`).
 */
export async function reverseStageEffects(
  runtime: Runtime,
  tx: Kysely<Database>,
  scope: RecordScope,
  actor: Actor,
  recordId: string,
  stage: string,
  depth: number,
): Promise<number> {
  const entries = await tx
    .selectFrom("reversible_effects")
    .selectAll()
    .where("workspace_id", "=", scope.workspaceId)
    .where("source_record_id", "=", recordId)
    .where("source_stage", "=", stage)
    .where("reversed_at", "is", null)
    .orderBy("id")
    .execute();
  const bound: Runtime = { ...runtime, db: tx };
  for (const entry of entries) {
    const target = await tx
      .selectFrom("records")
      .select(["form_id", "data"])
      .where("workspace_id", "=", scope.workspaceId)
      .where("app_id", "=", scope.appId)
      .where("id", "=", entry.target_record_id)
      .executeTakeFirst();
    if (target) {
      const patch: Record<string, number> = {};
      for (const [field, by] of Object.entries(entry.increments)) {
        patch[field] = finiteNumber(Object.hasOwn(target.data, field) ? target.data[field] : 0) - by;
      }
      await updateRecord(bound, { ...scope, formId: target.form_id }, actor, entry.target_record_id, patch, {
        depth,
      });
    }
    await tx
      .updateTable("reversible_effects")
      .set({ reversed_at: runtime.clock.now() })
      .where("workspace_id", "=", scope.workspaceId)
      .where("id", "=", entry.id)
      .execute();
  }
  return entries.length;
}
