import type { Kysely } from "kysely";
import type { Database } from "../db/tables.js";
import { notFound } from "../problem.js";
import type { RecordScope } from "./record-scope.js";
import { RECORD_COLUMNS, type RecordRow } from "./record-view.js";

/** A record of the scope by id; 404 when it is missing or belongs to another form, app or workspace. */
export async function findRecord(
  db: Kysely<Database>,
  scope: RecordScope,
  recordId: string,
): Promise<RecordRow> {
  const row = await db
    .selectFrom("records")
    .select(RECORD_COLUMNS)
    .where("workspace_id", "=", scope.workspaceId)
    .where("app_id", "=", scope.appId)
    .where("form_id", "=", scope.formId)
    .where("id", "=", recordId)
    .executeTakeFirst();
  if (row === undefined) throw notFound("record");
  return row;
}
