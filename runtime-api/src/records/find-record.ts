import type { Kysely } from "kysely";
import type { Database } from "../db/tables.js";
import { notFound } from "../problem.js";
import type { RecordScope } from "./record-scope.js";
import { RECORD_COLUMNS, type RecordRow } from "./record-view.js";

/**
 * A record of the scope by id; 404 when it is missing or belongs to another form, app or workspace.
 * With `lock`, the row stays locked until `db`'s transaction ends: a write that is not based on a
 * version the caller saw (a rule's action, no If-Match) then waits for a concurrent write and reads
 * its result instead of failing the version check against it.
 */
export async function findRecord(
  db: Kysely<Database>,
  scope: RecordScope,
  recordId: string,
  lock = false,
): Promise<RecordRow> {
  const query = db
    .selectFrom("records")
    .select(RECORD_COLUMNS)
    .where("workspace_id", "=", scope.workspaceId)
    .where("app_id", "=", scope.appId)
    .where("form_id", "=", scope.formId)
    .where("id", "=", recordId);
  const row = await (lock ? query.forUpdate() : query).executeTakeFirst();
  if (row === undefined) throw notFound("record");
  return row;
}
