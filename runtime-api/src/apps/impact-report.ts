import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from "kysely";
import type { Database } from "../db/tables.js";
import { diffDefinitions, type PlannedChange } from "./definition-diff.js";

/** One line of a publish's impact report: a change and how many existing records it touches. */
export type Change = PlannedChange & { records: number };

// Postgres allows 1,664 columns in a select list; a form's changes can come close, so split them.
const COUNTS_PER_QUERY = 500;

type RecordsBuilder = ExpressionBuilder<Database, "records">;

/** Whether a record's value for a field counts as not filled in (the engine's rule: missing, null, "" or []). */
function isEmpty(eb: RecordsBuilder, fieldId: string): Expression<SqlBool> {
  return eb(sql`coalesce(${eb.ref("data")} -> ${fieldId}::text, 'null'::jsonb)`, "in", [
    sql`'null'::jsonb`,
    sql`'""'::jsonb`,
    sql`'[]'::jsonb`,
  ]);
}

/** Which of a form's records a change touches; null means all of them. */
function affected(eb: RecordsBuilder, change: PlannedChange): Expression<SqlBool> | null {
  switch (change.kind) {
    case "form_added":
    case "form_removed":
      return null;
    case "field_removed":
    case "field_retyped":
      return sql<SqlBool>`${eb.ref("data")} ? ${change.fieldId}::text`;
    case "field_added":
    case "required_added":
      return isEmpty(eb, change.fieldId);
    case "stage_added":
    case "stage_removed":
      return eb("stage", "=", change.stageId);
  }
}

/** Count, with one SQL query, the records of one form that each change touches. */
async function countForForm(
  db: Kysely<Database>,
  workspaceId: string,
  appId: string,
  formId: string,
  changes: readonly PlannedChange[],
): Promise<number[]> {
  const row = await db
    .selectFrom("records")
    .where("workspace_id", "=", workspaceId)
    .where("app_id", "=", appId)
    .where("form_id", "=", formId)
    .select((eb) =>
      changes.map((change, i) => {
        const filter = affected(eb, change);
        const count = filter === null ? eb.fn.countAll() : eb.fn.countAll().filterWhere(filter);
        return eb.cast<number>(count, "integer").as(`c${i}`);
      }),
    )
    .executeTakeFirstOrThrow();
  return changes.map((_, i) => row[`c${i}`] ?? 0);
}

/**
 * What replacing the published definition with `next` does to the app's existing records: every
 * planned change with the number of records it touches, counted in SQL (one query per changed form, per 500 changes).
 */
export async function impactReport(
  db: Kysely<Database>,
  workspaceId: string,
  appId: string,
  published: unknown,
  next: unknown,
): Promise<Change[]> {
  const planned = diffDefinitions(published, next);
  const byForm = new Map<string, PlannedChange[]>();
  for (const change of planned) {
    const list = byForm.get(change.formId);
    if (list === undefined) byForm.set(change.formId, [change]);
    else list.push(change);
  }
  const counts = new Map<PlannedChange, number>();
  for (const [formId, changes] of byForm) {
    for (let start = 0; start < changes.length; start += COUNTS_PER_QUERY) {
      const chunk = changes.slice(start, start + COUNTS_PER_QUERY);
      const found = await countForForm(db, workspaceId, appId, formId, chunk);
      chunk.forEach((change, i) => counts.set(change, found[i] ?? 0));
    }
  }
  return planned.map((change) => ({ ...change, records: counts.get(change) ?? 0 }));
}
