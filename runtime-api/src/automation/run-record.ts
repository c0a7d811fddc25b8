import type { RecordState } from "@stagecraft/engine";
import type { Kysely, Selectable } from "kysely";
import type { Database, RecordsTable } from "../db/tables.js";

/** A record as a rule run reads it: the engine's view and when it was last active. */
export interface RunRecord {
  state: RecordState;
  lastActivityAt: Date;
}

/** The engine's RecordState of a records row (absent system values left out, not null). */
export function recordStateOf(row: Selectable<RecordsTable>): RecordState {
  return {
    id: row.id,
    formId: row.form_id,
    data: row.data,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    ...(row.stage !== null ? { stage: row.stage } : {}),
    ...(row.owner_id !== null ? { ownerId: row.owner_id } : {}),
    ...(row.stage_entered_at !== null ? { stageEnteredAt: row.stage_entered_at.toISOString() } : {}),
    ...(row.closed_at !== null ? { closedAt: row.closed_at.toISOString() } : {}),
  };
}

/** The record a run is about, or undefined when it was deleted. */
export async function loadRunRecord(
  db: Kysely<Database>,
  workspaceId: string,
  appId: string,
  recordId: string,
): Promise<RunRecord | undefined> {
  const row = await db
    .selectFrom("records")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("app_id", "=", appId)
    .where("id", "=", recordId)
    .executeTakeFirst();
  return row ? { state: recordStateOf(row), lastActivityAt: row.last_activity_at } : undefined;
}
