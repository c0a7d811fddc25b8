/**
 * Which KPI parts day-level rollups serve, and the SQL that turns record rows into their cells.
 *
 * A rollup is one part's source rows (records of a form passing its filter) keyed by the local day
 * of the period field and by one group key (or none): per cell the number of rows, the number of
 * non-null values and their numeric sum. count, sum and avg over any union of whole days follow
 * exactly (numeric sums are exact, avg is sum ÷ count as Postgres' own avg computes it).
 *
 * Stage-log measures are served from the records too (migration 0008): a duration to a stage entry
 * reads the record's first entry from records.stage_entries and adds exact numeric seconds (the
 * unit division comes after aggregation, in both paths); a stage conversion's parts (distinct
 * records with an entry into one stage, optionally followed by an entry into another) unnest the
 * record's entries into that stage, each row keyed also by `since`, the day of the record's previous
 * row in the rollup, so a record counts once per bucket, group and range (rollup-sql.ts). Parts
 * whose rows cannot be added up day by day keep the direct SQL: goal rows spread over a date span,
 * min/max/median, stage-log parts reading exit times (time in stage) or grouped by the log's stage,
 * and filters relative to today.
 *
 * The cell SQL reuses field-sql and filter-sql, so a cell holds exactly the rows the direct query
 * would read. It is stored with the plan (migration 0007) and run by the records triggers over the
 * changed rows; values reach it only through the jsonb parameter `$1`, never spliced into the text.
 */
import { createHash } from "node:crypto";
import type { AggregatePart, DurationValue, FieldRef, GroupField } from "@stagecraft/engine";
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "../db/tables.js";
import { durationSecondsSql, stageEntryColumn } from "./duration-sql.js";
import { fieldSql, groupKeySql, localDateSql } from "./field-sql.js";
import { filterSql } from "./filter-sql.js";

// Part of every key: a change to how cells are computed gives new keys (and a rebuild).
const CELL_FORMAT = 2;

/** One rollup: a part's rows keyed by day and by one group field (none: grp is ""). */
export interface RollupEntry {
  key: string;
  formId: string;
  part: AggregatePart;
  group: GroupField | undefined;
  timeZone: string;
}

/** A rollup's cell SQL as stored in its plan: placeholders `$n` stand for params[n - 1]. */
export interface RollupBranch {
  key: string;
  sql: string;
  params: (string | number | boolean | null)[];
}

function momentRefs(value: DurationValue): FieldRef[] {
  return [value.from, value.to].flatMap((m) => (m.kind === "field" ? [m.field] : []));
}

function refsOf(part: AggregatePart): FieldRef[] {
  const refs = [
    part.periodField,
    ...part.filter.map((c) => c.field),
    ...part.groupFields.map((g) => g.field),
  ];
  if (part.value !== undefined)
    refs.push(...(part.value.kind === "duration" ? momentRefs(part.value) : [part.value]));
  return refs;
}

/**
 * A stage-log part rollups serve: a count of distinct records over the log rows of one stage (its
 * filter pins it), reading no log column but stage and entry time (what records.stage_entries
 * holds), grouped by record fields.
 */
function logPartServed(part: AggregatePart): boolean {
  if (part.fn !== "count" || pinnedStage(part) === undefined) return false;
  const readsExit = [part.periodField, ...part.filter.map((c) => c.field)].some(
    (ref) => ref.kind === "log" && ref.column === "exited_at",
  );
  return !readsExit && part.groupFields.every((g) => g.field.kind !== "log");
}

/** True when day-level rollups answer this part exactly (see the file header). */
export function rollupServes(part: AggregatePart): boolean {
  if (part.periodEndField !== undefined) return false;
  if (part.filter.some((c) => c.op === "within_last_days")) return false;
  if (part.source.kind === "stage_log") return logPartServed(part);
  if (refsOf(part).some((ref) => ref.kind === "log")) return false;
  if (part.fn === "count") return true;
  if (part.fn !== "sum" && part.fn !== "avg") return false;
  const value = part.value;
  if (value?.kind === "duration") return true;
  return value !== undefined && value.kind === "data" && value.valueType === "number";
}

function keyOf(part: AggregatePart, group: GroupField | undefined, timeZone: string): string {
  const identity = {
    format: CELL_FORMAT,
    source: part.source,
    filter: part.filter,
    period: part.periodField,
    value: part.fn === "count" ? null : (part.value ?? null),
    group: group?.field ?? null,
    timeZone,
  };
  return createHash("sha256").update(JSON.stringify(identity)).digest("hex").slice(0, 32);
}

/** The rollups of a part: ungrouped, then one per group field; none when rollups cannot serve it. */
export function rollupEntries(part: AggregatePart, timeZone: string): RollupEntry[] {
  if (!rollupServes(part)) return [];
  const formId = part.source.formId;
  const groups: (GroupField | undefined)[] = [undefined, ...part.groupFields];
  return groups.map((group) => ({ key: keyOf(part, group, timeZone), formId, part, group, timeZone }));
}

/** The rollup of a part for a query's grouping (the ungrouped one when the part lacks that dimension). */
export function entryFor(
  entries: readonly RollupEntry[],
  groupBy: string | undefined,
): RollupEntry | undefined {
  const grouped = groupBy === undefined ? undefined : entries.find((e) => e.group?.dimension === groupBy);
  return grouped ?? entries.find((e) => e.group === undefined);
}

/** A Postgres array literal of scalars (parameters that filter-sql binds as arrays). */
function arrayLiteral(values: readonly unknown[]): string {
  const items = values.map((v) => {
    if (v === null) return "NULL";
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    if (typeof v === "string") return `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`;
    throw new Error(`rollup parameter array holds a ${typeof v}`);
  });
  return `{${items.join(",")}}`;
}

function storedParam(value: unknown): string | number | boolean | null {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  if (Array.isArray(value)) return arrayLiteral(value);
  throw new Error(`rollup parameter of type ${typeof value}`);
}

function valueOf(part: AggregatePart, timeZone: string): RawBuilder<unknown> {
  if (part.fn === "count" || part.value === undefined) return sql`null::numeric`;
  return part.value.kind === "duration"
    ? durationSecondsSql(part.value, timeZone, stageEntryColumn)
    : fieldSql(part.value);
}

/** The stage a stage-log part's filter pins (`stage = s`, as every stage conversion has), if any. */
function pinnedStage(part: AggregatePart): string | undefined {
  const value = part.filter.find(
    (c) => c.field.kind === "log" && c.field.column === "stage" && c.op === "eq",
  )?.value;
  return typeof value === "string" ? value : undefined;
}

/**
 * A stage-log part's rows from the records: one row per entry into the pinned stage kept in
 * records.stage_entries that passes the filter, each with `since`, the day of the record's previous such row (by day, then
 * time). The group key is the record's (rollupServes), so one window per record suffices.
 */
function logRowsSql(entry: RollupEntry, scope: RollupScope, grp: RawBuilder<unknown>): RawBuilder<unknown> {
  const { part, timeZone } = entry;
  const then = part.source.kind === "stage_log" ? part.source.thenEntered : undefined;
  // Entered `then` at or after this row's entry: its last entry is (the list is sorted).
  const thenEntered =
    then === undefined
      ? sql``
      : sql` and (r.stage_entries -> ${then}::text ->> -1)::timestamptz >= l.entered_at`;
  const filter = filterSql(part.filter, { timeZone, today: "1970-01-01" });
  // Only that stage's list is unnested (most of a build's cost); the filter still checks the stage.
  const stage = pinnedStage(part) ?? "";
  return sql`select x.k, x.day, x.grp, null::numeric as v, x.s, x.since
    from ${sql.raw("__rows__")} r
    cross join lateral (
      select ${entry.key}::text as k, y.day, y.grp, ${sql.raw("__sign__")}::bigint as s,
        coalesce(lag(y.day) over (order by y.day, y.entered_at, y.stage, y.i), '-infinity'::date) as since
      from (select ${localDateSql(part.periodField, timeZone)} as day, ${grp} as grp, l.entered_at, l.stage, l.i
            from (select ${stage}::text as stage, e.t::timestamptz as entered_at, e.i
                  from jsonb_array_elements_text(r.stage_entries -> ${stage}::text) with ordinality e(t, i)) l
            where ${filter}${thenEntered}) y
    ) x
    where r.workspace_id = ${scope.workspaceId}::text and r.app_id = ${scope.appId}::text
      and r.form_id = ${entry.formId}::text`;
}

/** One rollup's cells from the rows of relation `__rows__` (alias r), as SQL text and parameters. */
export function compileBranch(db: Kysely<Database>, scope: RollupScope, entry: RollupEntry): RollupBranch {
  const { part, group, timeZone } = entry;
  const grp = group === undefined ? sql`''::text` : groupKeySql(group.field, timeZone);
  // Rollups never serve filters relative to today (rollupServes), so filter-sql never reads it.
  const filter = filterSql(part.filter, { timeZone, today: "1970-01-01" });
  const query = (
    part.source.kind === "stage_log"
      ? logRowsSql(entry, scope, grp)
      : sql`select ${entry.key}::text as k, ${localDateSql(part.periodField, timeZone)} as day,
      ${grp} as grp, (${valueOf(part, timeZone)})::numeric as v, ${sql.raw("__sign__")}::bigint as s,
      '-infinity'::date as since
    from ${sql.raw("__rows__")} r
    where r.workspace_id = ${scope.workspaceId}::text and r.app_id = ${scope.appId}::text
      and r.form_id = ${entry.formId}::text and ${filter}`
  ).compile(db);
  return { key: entry.key, sql: query.sql, params: query.parameters.map(storedParam) };
}

/** The workspace and app a plan belongs to. */
export interface RollupScope {
  workspaceId: string;
  appId: string;
}

/**
 * Branches → one SQL text over `__rows__` (alias r) with each row's sign `__sign__` (the trigger
 * fills in its signed transition rows, the build the records with sign 1) reading its values from
 * `$1` (jsonb: one array of parameters per branch), and that parameter.
 */
export function assemblePlan(branches: readonly RollupBranch[]): { rowSql: string; params: string } {
  const parts = branches.map((branch, i) =>
    branch.sql.replace(/\$(\d+)/g, (_, n: string) => `($1::jsonb -> ${i} ->> ${Number(n) - 1})`),
  );
  const rowSql = `select x.k, x.day, x.grp, x.since, x.s as rows, case when x.v is null then 0 else x.s end as vn,
      coalesce(x.v, 0) * x.s as total
    from (${parts.join(" union all ")}) x where x.day is not null`;
  return { rowSql, params: JSON.stringify(branches.map((b) => b.params)) };
}

/** True when a branch reads records.stage_entries (a stage-entry duration or a stage-log part). */
export function readsStageEntries(branch: RollupBranch): boolean {
  return branch.sql.includes("stage_entries");
}

/** True for a branch as stored in kpi_rollup_plans.branches. */
export function isRollupBranch(value: unknown): value is RollupBranch {
  if (typeof value !== "object" || value === null) return false;
  const { key, sql: text, params } = Object.fromEntries(Object.entries(value));
  return (
    typeof key === "string" &&
    typeof text === "string" &&
    Array.isArray(params) &&
    params.every((p) => p === null || ["string", "number", "boolean"].includes(typeof p))
  );
}
