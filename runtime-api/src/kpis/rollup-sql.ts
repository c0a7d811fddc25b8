/**
 * A part's AggregateRows from its day-level rollup instead of the records: the same GROUPING SETS
 * as kpi-sql's direct query, over cells (one per local day, group key and `since`) instead of source
 * rows. A bucket or group row exists when its cells hold at least one source row, like the direct
 * query's; the overall row always exists. count = Σ rows; sum = Σ total (null without a value); avg =
 * Σ total ÷ Σ values, the numeric division Postgres' avg(numeric) itself ends with; durations are
 * divided by their unit afterwards, as the direct query does.
 *
 * Distinct records of stage-log rows: a row counts in a range [F, T) only when its `since` (the day
 * of the record's previous row in the rollup) is before F, so each record counts once per bucket,
 * group and overall. Record-sourced cells have since = -infinity: every row counts.
 */
import type { AggregatePart } from "@stagecraft/engine";
import { sql, type RawBuilder } from "kysely";
import { inUnit } from "./duration-sql.js";
import type { PartQueryContext, RawAggregateRow } from "./kpi-sql.js";
import type { RollupEntry } from "./rollup-plan.js";

function valueSql(part: AggregatePart, rows: RawBuilder<unknown>): RawBuilder<unknown> {
  if (part.fn === "count") return rows;
  if (part.fn === "avg") return inUnit(part, sql`case when sum(s.vn) > 0 then sum(s.total) / sum(s.vn) end`);
  return inUnit(part, sql`case when sum(s.vn) > 0 then sum(s.total) end`);
}

/** The part's query over its rollup `entry` (see the file header); null when the query has no periods. */
export function rollupPartQuery(
  part: AggregatePart,
  entry: RollupEntry,
  ctx: PartQueryContext,
): RawBuilder<RawAggregateRow> | null {
  const first = ctx.buckets[0];
  const last = ctx.buckets[ctx.buckets.length - 1];
  if (first === undefined || last === undefined) return null;
  const keys = ctx.buckets.map((b) => b.key);
  const starts = ctx.buckets.map((b) => b.from);
  const grouped = entry.group !== undefined;
  const sets = grouped ? sql`(s.period), (s.grp), ()` : sql`(s.period), ()`;
  const grpOut = grouped ? sql`case when grouping(s.grp) = 0 then s.grp end` : sql`null::text`;
  const overall = grouped ? sql`grouping(s.period) = 1 and grouping(s.grp) = 1` : sql`grouping(s.period) = 1`;
  // Rows counted in their bucket (period rows) or in the whole range (group and overall rows): for
  // stage-log parts those whose `since` is before it; record-sourced cells count every row.
  const distinct = part.source.kind === "stage_log";
  const rows = distinct
    ? sql`case when grouping(s.period) = 0 then coalesce(sum(s.in_bucket), 0) else coalesce(sum(s.in_range), 0) end`
    : sql`coalesce(sum(s.rows), 0)`;
  const counted = distinct
    ? sql`case when c.since < c.bucket_from then c.rows else 0 end as in_bucket,
        case when c.since < ${first.from}::date then c.rows else 0 end as in_range`
    : sql`c.rows`;
  const bucketFrom = distinct
    ? sql`(${starts}::date[])[width_bucket(k.day, ${starts}::date[])] as bucket_from,`
    : sql``;
  const count = part.fn === "count" ? rows : sql`coalesce(sum(s.vn), 0)`;
  return sql<RawAggregateRow>`select
      case when grouping(s.period) = 0 then s.period end as period,
      ${grpOut} as grp,
      ${valueSql(part, rows)} as value,
      ${count} as n
    from (
      select c.period, c.grp, c.vn, c.total, ${counted}
      from (
        select (${keys}::text[])[width_bucket(k.day, ${starts}::date[])] as period, ${bucketFrom}
          k.grp, k.since, k.rows, k.vn, k.total
        from kpi_rollups k
        where k.workspace_id = ${ctx.workspaceId} and k.app_id = ${ctx.appId} and k.rollup_key = ${entry.key}
          and k.day >= ${first.from}::date and k.day < ${last.to}::date
      ) c
    ) s
    group by grouping sets (${sets})
    having (${overall}) or ${rows} > 0`;
}
