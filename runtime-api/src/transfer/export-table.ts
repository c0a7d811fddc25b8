import type { Field } from "@stagecraft/schemas";
import { HttpProblem } from "../problem.js";
import { loadScopedForm, type RecordScope } from "../records/record-scope.js";
import type { Runtime } from "../runtime.js";
import { formatValue } from "./format-value.js";
import { SYSTEM_COLUMNS } from "./import-columns.js";
import { MAX_IMPORT_ROWS } from "./read-sheet.js";

/** Most records one export writes (the size an import takes back). */
export const MAX_EXPORT_ROWS = MAX_IMPORT_ROWS;

/** An export as rows of text: the header row first. */
export type TextTable = string[][];

/**
 * A form's records as text rows, oldest first: the system columns (id, stage, owner, createdAt,
 * updatedAt), then every field but sections under its English label. 404 for an unknown app or
 * form; 422 past MAX_EXPORT_ROWS.
 */
export async function exportTable(runtime: Runtime, scope: RecordScope): Promise<TextTable> {
  const { form } = await loadScopedForm(runtime, scope);
  const fields: Field[] = [...form.fields.values()].filter((f) => f.type !== "section");
  const rows = await runtime.db
    .selectFrom("records")
    .select(["id", "stage", "owner_id", "created_at", "updated_at", "data"])
    .where("workspace_id", "=", scope.workspaceId)
    .where("app_id", "=", scope.appId)
    .where("form_id", "=", scope.formId)
    .orderBy("created_at")
    .orderBy("id")
    .limit(MAX_EXPORT_ROWS + 1)
    .execute();
  if (rows.length > MAX_EXPORT_ROWS) {
    throw new HttpProblem(
      422,
      `the form has more than ${MAX_EXPORT_ROWS} records; an export holds at most that many`,
    );
  }
  const header = [...SYSTEM_COLUMNS, ...fields.map((f) => f.label.en)];
  const body = rows.map((row) => {
    const data = new Map(Object.entries(row.data));
    return [
      row.id,
      row.stage ?? "",
      row.owner_id ?? "",
      row.created_at.toISOString(),
      row.updated_at.toISOString(),
      ...fields.map((f) => formatValue(f, data.get(f.id))),
    ];
  });
  return [header, ...body];
}
