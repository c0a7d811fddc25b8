import { sql } from "kysely";
import type { Runtime } from "../runtime.js";
import { encodeCursor } from "./list-cursor.js";
import type { ListQuery } from "./list-query.js";
import { loadScopedForm, type RecordScope } from "./record-scope.js";
import { RECORD_COLUMNS, recordView, type RecordView } from "./record-view.js";

/** One page of records and the cursor of the next page (null on the last one). */
export interface RecordPage {
  items: RecordView[];
  nextCursor: string | null;
}

/** A LIKE pattern matching `text` anywhere, its wildcards (`%`, `_`) and escapes taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One page of a form's records: filtered by stage, owner, SLA overdue and a case-insensitive
 * substring of the data, ordered by creation or last change with the id as tie-breaker, continued by keyset (the
 * cursor holds the last row's exact sort key and id). 404 for an unknown app or form; an unknown
 * stage simply matches nothing.
 */
export async function listRecords(
  runtime: Runtime,
  scope: RecordScope,
  query: ListQuery,
): Promise<RecordPage> {
  await loadScopedForm(runtime, scope);
  const descending = query.sort.startsWith("-");
  const direction = descending ? "desc" : "asc";
  const column = query.sort.endsWith("createdAt") ? "created_at" : "updated_at";
  let select = runtime.db
    .selectFrom("records")
    .select(RECORD_COLUMNS)
    .select(sql<string>`(extract(epoch from ${sql.ref(column)}) * 1000000)::bigint::text`.as("sort_key"))
    .where("workspace_id", "=", scope.workspaceId)
    .where("app_id", "=", scope.appId)
    .where("form_id", "=", scope.formId);
  if (query.stage !== undefined) select = select.where("stage", "=", query.stage);
  if (query.ownerId !== undefined) select = select.where("owner_id", "=", query.ownerId);
  if (query.overdue !== undefined) {
    // Overdue = the scheduler marked the record's current stage entry past its SLA.
    const marked = sql<boolean>`exists (select 1 from record_slas s where s.workspace_id = records.workspace_id
      and s.record_id = records.id and s.stage = records.stage and s.entered_at = records.stage_entered_at)`;
    select = select.where(query.overdue ? marked : sql<boolean>`not ${marked}`);
  }
  if (query.q !== undefined) {
    select = select.where(sql<boolean>`${sql.ref("data")}::text ilike ${containsPattern(query.q)}`);
  }
  const cursor = query.cursor;
  if (cursor !== undefined) {
    // Exact to the microsecond: integer arithmetic on intervals, no text parsing of client input.
    const after = sql`('epoch'::timestamptz + ${cursor.key}::bigint * interval '1 microsecond', ${cursor.id})`;
    const row = sql`(${sql.ref(column)}, ${sql.ref("id")})`;
    select = select.where(descending ? sql<boolean>`${row} < ${after}` : sql<boolean>`${row} > ${after}`);
  }
  const rows = await select
    .orderBy(column, direction)
    .orderBy("id", direction)
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last !== undefined
      ? encodeCursor({ sort: query.sort, key: Number(last.sort_key), id: last.id })
      : null;
  return { items: page.map(recordView), nextCursor };
}
