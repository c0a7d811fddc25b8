/**
 * The table widget: the latest records of a form (newest first) matching the widget's filter, with
 * the selected columns. `{"today": true}` in the filter is today in the app's time zone. The
 * definition validator rejects `{"this": …}` on dashboards (there is no record); should one reach
 * here it reads null, and a filter the engine then cannot compile gives no table (null).
 */
import { KpiError, resolveFilter, type SpecCondition } from "@stagecraft/engine";
import type { AppDefinition, RecordFilter, SystemField } from "@stagecraft/schemas";
import type { Kysely } from "kysely";
import type { Database } from "../db/tables.js";
import { filterSql, type FilterContext } from "./filter-sql.js";
import { recordConditions } from "./record-conditions.js";

/** The default and largest number of rows a table widget shows. */
export const TABLE_LIMIT = { default: 50, max: 500 } as const;

/** One row of a table widget: the record id and the value of every selected column. */
export interface TableRow {
  id: string;
  values: Record<string, unknown>;
}

/**
 * The widget filter as checked SpecConditions: `today`/`this` resolved first (there is no current
 * record on a dashboard), then checked against the form.
 */
function tableConditions(
  app: AppDefinition,
  formId: string,
  filter: RecordFilter,
  now: string,
  timeZone: string,
): SpecCondition[] {
  return recordConditions(app, formId, resolveFilter(filter, undefined, now, timeZone));
}

const SYSTEM_COLUMNS = {
  _id: "id",
  _stage: "stage",
  _owner: "owner_id",
  _created_at: "created_at",
  _updated_at: "updated_at",
  _stage_entered_at: "stage_entered_at",
  _closed_at: "closed_at",
} as const satisfies Record<SystemField, string>;

function isSystemField(column: string): column is SystemField {
  return Object.hasOwn(SYSTEM_COLUMNS, column);
}

/** The latest records of the widget's form that match its filter, each with the selected columns; null when the filter cannot apply. */
export async function tableRows(
  db: Kysely<Database>,
  scope: { workspaceId: string; appId: string; now: string } & FilterContext,
  app: AppDefinition,
  widget: { form: string; columns: readonly string[]; filter?: RecordFilter; limit?: number },
): Promise<TableRow[] | null> {
  let conditions: SpecCondition[];
  try {
    conditions = tableConditions(app, widget.form, widget.filter ?? [], scope.now, scope.timeZone);
  } catch (err) {
    if (err instanceof KpiError) return null;
    throw err;
  }
  const limit = Math.min(widget.limit ?? TABLE_LIMIT.default, TABLE_LIMIT.max);
  const records = await db
    .selectFrom("records as r")
    .select([
      "r.id",
      "r.stage",
      "r.owner_id",
      "r.created_at",
      "r.updated_at",
      "r.stage_entered_at",
      "r.closed_at",
      "r.data",
    ])
    .where("r.workspace_id", "=", scope.workspaceId)
    .where("r.app_id", "=", scope.appId)
    .where("r.form_id", "=", widget.form)
    .where(filterSql(conditions, scope))
    .orderBy("r.created_at", "desc")
    .orderBy("r.id", "desc")
    .limit(limit)
    .execute();
  return records.map((record) => {
    const values = new Map<string, unknown>();
    for (const column of widget.columns) {
      if (isSystemField(column)) {
        const value = record[SYSTEM_COLUMNS[column]];
        values.set(column, value instanceof Date ? value.toISOString() : value);
      } else {
        values.set(column, Object.hasOwn(record.data, column) ? record.data[column] : null);
      }
    }
    return { id: record.id, values: Object.fromEntries(values) };
  });
}
