import type { Kysely } from "kysely";
import type { Database } from "../db/tables.js";
import type { RecordScope } from "./record-scope.js";

/** A record's entry into a stage, as it is logged. */
export interface StageEntry {
  recordId: string;
  stage: string;
  at: Date;
  by: string | null;
}

/** The insert of a stage entry, to execute or to join to other inserts of one statement. */
export function stageEntryInsert(tx: Kysely<Database>, scope: RecordScope, entry: StageEntry) {
  return tx.insertInto("stage_log").values({
    workspace_id: scope.workspaceId,
    app_id: scope.appId,
    form_id: scope.formId,
    record_id: entry.recordId,
    stage: entry.stage,
    entered_at: entry.at,
    entered_by: entry.by,
  });
}

/** Log a record's entry into a stage. */
export async function logStageEntry(
  tx: Kysely<Database>,
  scope: RecordScope,
  entry: StageEntry,
): Promise<void> {
  await stageEntryInsert(tx, scope, entry).execute();
}

/** Close the record's open stage entry (the stage it leaves, or is deleted in). */
export async function logStageExit(
  tx: Kysely<Database>,
  scope: RecordScope,
  exit: { recordId: string; at: Date; by: string | null },
): Promise<void> {
  await tx
    .updateTable("stage_log")
    .set({ exited_at: exit.at, exited_by: exit.by })
    .where("workspace_id", "=", scope.workspaceId)
    .where("record_id", "=", exit.recordId)
    .where("exited_at", "is", null)
    .execute();
}
