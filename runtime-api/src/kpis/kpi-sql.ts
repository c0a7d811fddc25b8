/**
 * One AggregatePart of a KPI spec → ONE SQL aggregate query → the AggregateRows of the spec contract
 * (engine/src/kpi/kpi-spec.ts): rows per period bucket, per group, and one overall row, from
 * GROUPING SETS over the source rows keyed by the query's period buckets.
 *
 * Shape of the query (s = one source row in one bucket):
 *   select <period or null>, <group or null>, <aggregate>, <count>
 *   from (select <bucket key> as period, <group key> as grp, <value> as v, r.id as rid
 *         from [stage_log l join] records r cross join lateral (<period values>) p
 *         [join unnest(<bucket arrays>) b on <overlap>]   -- span rows only
 *         where <workspace, app, form> and <range> and <filter> [and <then entered>]) s
 *   group by grouping sets ((s.period), (s.grp), ())
 * Point rows find their bucket with width_bucket over the bucket starts (parameters, not a join).
 */
import type { AggregateFn, AggregatePart, AggregateRow, FieldRef, PeriodBucket } from "@stagecraft/engine";
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "../db/tables.js";
import { durationSecondsSql, inUnit, type StageEntrySql } from "./duration-sql.js";
import { dataText, fieldSql, groupKeySql, localDateSql, sqlTypeOf } from "./field-sql.js";
import { filterSql, type FilterContext } from "./filter-sql.js";

/** What one part's query needs besides the part: scope, time zone, today, buckets, grouping. */
export interface PartQueryContext extends FilterContext {
  workspaceId: string;
  appId: string;
  /** The query's periods, in order, clipped to [from, to) (periodBuckets). */
  buckets: readonly PeriodBucket[];
  /** The dimension the query groups by, if any. */
  groupBy?: string;
}

/** A row as the database returns it (numbers may come back as numeric strings). */
export interface RawAggregateRow {
  period: string | null;
  grp: string | null;
  value: number | string | null;
  n: number | string | bigint | null;
}

/** A record's first entry into a stage, read from its stage-log rows (the reference the rollups match). */
const stageEntryFromLog: StageEntrySql = (stage) =>
  sql`(select min(x.entered_at) from stage_log x where x.workspace_id = r.workspace_id and x.record_id = r.id and x.stage = ${stage}::text)`;

function valueSql(part: AggregatePart, timeZone: string): RawBuilder<unknown> {
  if (part.value === undefined) return sql`null::numeric`;
  return part.value.kind === "duration"
    ? durationSecondsSql(part.value, timeZone, stageEntryFromLog)
    : fieldSql(part.value);
}

/** The aggregate of a part's values; `distinct` when a source row can meet several buckets or log rows. */
function aggregateSql(fn: AggregateFn, distinct: boolean): RawBuilder<unknown> {
  switch (fn) {
    case "count":
      return distinct ? sql`count(distinct s.rid)` : sql`count(*)`;
    case "sum":
      return sql`sum(s.v)`;
    case "avg":
      return sql`avg(s.v)`;
    case "min":
      return sql`min(s.v)`;
    case "max":
      return sql`max(s.v)`;
    case "median":
      return sql`percentile_cont(0.5) within group (order by s.v)`;
  }
}

/** The bucket arrays as one `unnest` of five parameters (not one parameter per bucket). */
function bucketsSql(buckets: readonly PeriodBucket[]): RawBuilder<unknown> {
  const keys = buckets.map((b) => b.key);
  const fromDates = buckets.map((b) => b.from);
  const toDates = buckets.map((b) => b.to);
  const fromInstants = buckets.map((b) => b.fromInstant);
  const toInstants = buckets.map((b) => b.toInstant);
  return sql`unnest(${keys}::text[], ${fromDates}::date[], ${toDates}::date[], ${fromInstants}::timestamptz[], ${toInstants}::timestamptz[]) as b(key, from_date, to_date, from_at, to_at)`;
}

/** How source rows meet buckets: the row's period key, the value it adds, and the range predicate. */
interface PeriodPlan {
  /** Per-row values computed once (alias p). */
  lateral: RawBuilder<unknown>;
  /** A join to the buckets, when a row can meet several (span rows). */
  join: RawBuilder<unknown> | null;
  period: RawBuilder<unknown>;
  /** Rows within [from, to): a sargable predicate so the period column's index can help. */
  range: RawBuilder<unknown>;
  value: RawBuilder<unknown>;
  /** True when a row may meet several buckets (span rows). */
  spreads: boolean;
}

/**
 * Point rows: bucket.from <= period < bucket.to, by date or by instant per the field's type. The
 * buckets are contiguous, so the key is found by `width_bucket` over their starts (a binary search
 * per row) instead of a join; the range predicate keeps rows inside [first.from, last.to).
 */
function pointPlan(
  part: AggregatePart,
  ctx: PartQueryContext,
  first: PeriodBucket,
  last: PeriodBucket,
): PeriodPlan {
  const isDate = sqlTypeOf(part.periodField) === "date";
  const keys = ctx.buckets.map((b) => b.key);
  const starts = isDate
    ? sql`${ctx.buckets.map((b) => b.from)}::date[]`
    : sql`${ctx.buckets.map((b) => b.fromInstant)}::timestamptz[]`;
  const [start, end] = isDate
    ? [sql`${first.from}::date`, sql`${last.to}::date`]
    : [sql`${first.fromInstant}::timestamptz`, sql`${last.toInstant}::timestamptz`];
  let range = sql`p.at >= ${start} and p.at < ${end}`;
  if (part.periodField.kind === "data" && isDate) {
    // "YYYY-MM-DD" text sorts like the date: a plain text range lets an index on (data ->> key) help.
    const text = dataText(part.periodField.key);
    range = sql`${text} >= ${first.from}::text and ${text} < ${last.to}::text and ${range}`;
  }
  return {
    // A data period is a checked cast: OFFSET 0 keeps the subquery from being inlined, so it is read
    // once per row. A column stays inlined, so its index can serve the range.
    lateral:
      part.periodField.kind === "data"
        ? sql`(select ${fieldSql(part.periodField)} as at offset 0) p`
        : sql`(select ${fieldSql(part.periodField)} as at) p`,
    join: null,
    period: sql`(${keys}::text[])[width_bucket(p.at, ${starts})]`,
    range,
    value: valueSql(part, ctx.timeZone),
    spreads: false,
  };
}

/**
 * Span rows (goal rows from a date to a date): the row covers the local dates [ds, de] (de = ds
 * when the end is missing or before the start) and adds value × overlap days ÷ span days to every
 * bucket it overlaps. Only sums are prorated; other aggregates take the value in each bucket.
 */
function spanPlan(
  part: AggregatePart,
  end: FieldRef,
  ctx: PartQueryContext,
  first: PeriodBucket,
  last: PeriodBucket,
): PeriodPlan {
  const ds = localDateSql(part.periodField, ctx.timeZone);
  const de = localDateSql(end, ctx.timeZone);
  const value = valueSql(part, ctx.timeZone);
  const overlap = sql`(least(p.de + 1, b.to_date) - greatest(p.ds, b.from_date))`;
  return {
    // OFFSET 0: the dates are read once per row, not again for every bucket the join tries.
    lateral: sql`(select q.ds, greatest(coalesce(q.de, q.ds), q.ds) as de from (select ${ds} as ds, ${de} as de offset 0) q) p`,
    join: sql`join ${bucketsSql(ctx.buckets)} on p.ds < b.to_date and p.de >= b.from_date`,
    period: sql`b.key`,
    range: sql`p.ds < ${last.to}::date and p.de >= ${first.from}::date`,
    value: part.fn === "sum" ? sql`((${value})::numeric * ${overlap} / (p.de - p.ds + 1))` : value,
    spreads: true,
  };
}

/** FROM and the scope of the source: the form's records, or their stage-log rows joined to them. */
function sourceSql(
  part: AggregatePart,
  ctx: PartQueryContext,
): { from: RawBuilder<unknown>; where: RawBuilder<unknown> } {
  const { workspaceId, appId } = ctx;
  const formId = part.source.formId;
  if (part.source.kind === "records") {
    return {
      from: sql`records r`,
      where: sql`r.workspace_id = ${workspaceId} and r.app_id = ${appId} and r.form_id = ${formId}`,
    };
  }
  const then = part.source.thenEntered;
  const thenEntered =
    then === undefined
      ? sql``
      : sql` and exists (select 1 from stage_log l2 where l2.workspace_id = l.workspace_id and l2.record_id = l.record_id and l2.stage = ${then}::text and l2.entered_at >= l.entered_at)`;
  return {
    from: sql`stage_log l join records r on r.workspace_id = l.workspace_id and r.id = l.record_id`,
    where: sql`l.workspace_id = ${workspaceId} and l.app_id = ${appId} and l.form_id = ${formId} and r.app_id = ${appId} and r.form_id = ${formId}${thenEntered}`,
  };
}

/** The part's aggregate query (see the file header); null when the query has no periods. */
export function partQuery(part: AggregatePart, ctx: PartQueryContext): RawBuilder<RawAggregateRow> | null {
  const first = ctx.buckets[0];
  const last = ctx.buckets[ctx.buckets.length - 1];
  if (first === undefined || last === undefined) return null;
  const plan =
    part.periodEndField === undefined
      ? pointPlan(part, ctx, first, last)
      : spanPlan(part, part.periodEndField, ctx, first, last);
  const source = sourceSql(part, ctx);
  const group =
    ctx.groupBy === undefined ? undefined : part.groupFields.find((g) => g.dimension === ctx.groupBy);
  const grp = group === undefined ? sql`null::text` : groupKeySql(group.field, ctx.timeZone);
  // One record counts once: a span row can meet several buckets, a record several log rows.
  const distinct = plan.spreads || part.source.kind === "stage_log";
  const aggregate = aggregateSql(part.fn, distinct);
  const count = part.fn === "count" ? aggregate : sql`count(s.v)`;
  const value = inUnit(part, aggregate);
  // GROUPING() only takes grouped expressions: without a group set the group column is null.
  const sets = group === undefined ? sql`(s.period), ()` : sql`(s.period), (s.grp), ()`;
  const grpOut = group === undefined ? sql`null::text` : sql`case when grouping(s.grp) = 0 then s.grp end`;
  return sql<RawAggregateRow>`select
      case when grouping(s.period) = 0 then s.period end as period,
      ${grpOut} as grp,
      ${value} as value,
      ${count} as n
    from (
      select ${plan.period} as period, ${grp} as grp, ${plan.value} as v, r.id as rid
      from ${source.from}
      cross join lateral ${plan.lateral}
      ${plan.join ?? sql``}
      where ${source.where} and ${plan.range} and ${filterSql(part.filter, ctx)}
    ) s
    group by grouping sets (${sets})`;
}

function toNumber(value: number | string | bigint | null): number | null {
  if (value === null) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Run a part's aggregate query (direct or rollup) and return its AggregateRows (exactly one overall row). */
export async function aggregateRows(
  db: Kysely<Database>,
  part: AggregatePart,
  query: RawBuilder<RawAggregateRow> | null,
): Promise<AggregateRow[]> {
  const raw = query === null ? [] : (await query.execute(db)).rows;
  const rows: AggregateRow[] = raw.map((r) => ({
    period: r.period,
    group: r.period === null ? r.grp : null,
    value: toNumber(r.value),
    count: toNumber(r.n) ?? 0,
  }));
  if (!rows.some((r) => r.period === null && r.group === null)) {
    rows.push({ period: null, group: null, value: part.fn === "count" ? 0 : null, count: 0 });
  }
  return rows;
}

/** Run one part's direct query over the source rows and return its AggregateRows. */
export async function runPart(
  db: Kysely<Database>,
  part: AggregatePart,
  ctx: PartQueryContext,
): Promise<AggregateRow[]> {
  return aggregateRows(db, part, partQuery(part, ctx));
}
