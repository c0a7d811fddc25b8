import { compileKpi, dateIn, resolveFilter, type CompiledApp, type RecordState } from "@stagecraft/engine";
import type { Aggregate } from "@stagecraft/schemas";
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "../db/tables.js";
import { fieldSql } from "../kpis/field-sql.js";
import { filterSql, type FilterContext } from "../kpis/filter-sql.js";
import { recordConditions } from "../kpis/record-conditions.js";
import type { RecordScope } from "./record-scope.js";

type Rollup = Extract<Aggregate, { type: "rollup" }>;
type Active = Extract<Aggregate, { type: "active" }>;

// A KPI id the schema cannot produce: only used to have the engine check and type the field.
const AGGREGATE_KPI_ID = "_aggregate";

function numberOrNull(value: unknown): number | null {
  const n = typeof value === "string" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) ? n : null;
}

/** The SQL of a rollup's value: the engine compiles it as a one-part KPI so the field is checked and typed. */
function rollupValue(compiled: CompiledApp, aggregate: Rollup): RawBuilder<unknown> {
  if (aggregate.measure === "count" || aggregate.field === undefined) return sql`count(*)`;
  const measure = aggregate.measure === "percentile" ? "avg" : aggregate.measure;
  const spec = compileKpi(
    {
      id: AGGREGATE_KPI_ID,
      name: { zh: AGGREGATE_KPI_ID, en: AGGREGATE_KPI_ID },
      form: aggregate.form,
      measure: { type: measure, field: aggregate.field },
    },
    compiled.definition,
  );
  const ref = spec.parts[0]?.value;
  if (ref === undefined || !("kind" in ref) || ref.kind === "duration") return sql`null`;
  const value = fieldSql(ref);
  switch (aggregate.measure) {
    case "sum":
      return sql`coalesce(sum(${value}), 0)`;
    case "avg":
      return sql`avg(${value})`;
    case "min":
      return sql`min(${value})`;
    case "max":
      return sql`max(${value})`;
    case "percentile":
      return sql`percentile_cont(${aggregate.percentile ?? 0.5}::float8) within group (order by ${value})`;
  }
}

async function rollup(
  db: Kysely<Database>,
  scope: RecordScope,
  compiled: CompiledApp,
  aggregate: Rollup,
  self: RecordState,
  now: string,
  filterCtx: FilterContext,
): Promise<unknown> {
  const resolved = resolveFilter(aggregate.filter ?? [], self, now, compiled.timeZone);
  const conditions = recordConditions(compiled.definition, aggregate.form, resolved);
  const row = await db
    .selectFrom("records as r")
    .select(rollupValue(compiled, aggregate).as("value"))
    .where("r.workspace_id", "=", scope.workspaceId)
    .where("r.app_id", "=", scope.appId)
    .where("r.form_id", "=", aggregate.form)
    .where(filterSql(conditions, filterCtx))
    .executeTakeFirst();
  const value: unknown = row?.value ?? null;
  if (value instanceof Date) return value.toISOString();
  return aggregate.measure === "min" || aggregate.measure === "max"
    ? (numberOrNull(value) ?? value)
    : numberOrNull(value);
}

async function active(
  db: Kysely<Database>,
  scope: RecordScope,
  compiled: CompiledApp,
  aggregate: Active,
  self: RecordState,
  now: string,
  filterCtx: FilterContext,
): Promise<unknown> {
  const resolved = resolveFilter(aggregate.filter ?? [], self, now, compiled.timeZone);
  const conditions = recordConditions(compiled.definition, aggregate.form, [
    ...resolved,
    { field: aggregate.from, op: "lte", value: filterCtx.today },
  ]);
  let query = db
    .selectFrom("records as r")
    .select("r.data")
    .where("r.workspace_id", "=", scope.workspaceId)
    .where("r.app_id", "=", scope.appId)
    .where("r.form_id", "=", aggregate.form)
    .where(filterSql(conditions, filterCtx));
  if (aggregate.to !== undefined) {
    const to = aggregate.to;
    // An open end (no date) is in force; a date end is in force up to and including that day.
    query = query.where(
      sql<boolean>`(r.data->>${to}::text is null or r.data->>${to}::text >= ${filterCtx.today})`,
    );
  }
  const row = await query
    .orderBy(sql`r.data->>${aggregate.from}::text`, "desc")
    .orderBy("r.created_at", "desc")
    .executeTakeFirst();
  return row?.data ?? null;
}

/**
 * The values of a form's cross-form aggregates for one record (`self`: its id, system columns and
 * the data as submitted), each one SQL query over the other form's records, handed to the engine
 * as `ctx.aggregates`. Undefined when the form declares none.
 */
export async function resolveAggregates(
  db: Kysely<Database>,
  scope: RecordScope,
  compiled: CompiledApp,
  self: RecordState,
  now: Date,
): Promise<Record<string, unknown> | undefined> {
  const form = compiled.definition.forms.find((f) => f.id === scope.formId);
  const aggregates = form?.aggregates ?? [];
  if (aggregates.length === 0) return undefined;
  const iso = now.toISOString();
  const filterCtx: FilterContext = { timeZone: compiled.timeZone, today: dateIn(iso, compiled.timeZone) };
  const values: Record<string, unknown> = {};
  for (const aggregate of aggregates) {
    values[aggregate.id] =
      aggregate.type === "rollup"
        ? await rollup(db, scope, compiled, aggregate, self, iso, filterCtx)
        : await active(db, scope, compiled, aggregate, self, iso, filterCtx);
  }
  return values;
}
