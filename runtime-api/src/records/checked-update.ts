import type { Kysely, Updateable } from "kysely";
import type { Database, RecordsTable } from "../db/tables.js";
import { notFound, type HttpProblem } from "../problem.js";
import type { RecordScope } from "./record-scope.js";
import { RECORD_COLUMNS, type RecordRow } from "./record-view.js";
import { staleVersion } from "./record-version.js";

/**
 * Write `values` and version + 1 to a record only if it is still at the version `row` was read
 * at: the optimistic check is the update's own `where`, so of two concurrent writes based on the
 * same version exactly one succeeds; the other gets 409 (or 404 once the record is gone).
 */
export async function checkedUpdate(
  tx: Kysely<Database>,
  scope: RecordScope,
  row: RecordRow,
  values: Omit<Updateable<RecordsTable>, "version">,
): Promise<RecordRow> {
  const updated = await tx
    .updateTable("records")
    .set({ ...values, version: row.version + 1 })
    .where("workspace_id", "=", scope.workspaceId)
    .where("id", "=", row.id)
    .where("version", "=", row.version)
    .returning(RECORD_COLUMNS)
    .executeTakeFirst();
  if (updated !== undefined) return updated;
  throw await versionConflict(tx, scope, row.id, row.version);
}

/** Why a write checked against `expected` touched no row: 404 when the record is gone, else 409. */
export async function versionConflict(
  tx: Kysely<Database>,
  scope: RecordScope,
  recordId: string,
  expected: number,
): Promise<HttpProblem> {
  const current = await tx
    .selectFrom("records")
    .select("version")
    .where("workspace_id", "=", scope.workspaceId)
    .where("id", "=", recordId)
    .executeTakeFirst();
  return current === undefined ? notFound("record") : staleVersion(current.version, expected);
}
