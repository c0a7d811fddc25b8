/**
 * A part's AggregateRows from its day-level rollup instead of the records: the same GROUPING SETS
 * as kpi-sql's direct query, over cells (one per local day and group key) instead of source rows.
 * A bucket or group row exists when its cells hold at least one source row, like the direct query's;
 * the overall row always exists. count = Σ rows; sum = Σ total (null without a value); avg =
 * Σ total ÷ Σ values, the numeric division Postgres' avg(numeric) itself ends with.
 */
import type { AggregatePart } from "@stagecraft/engine";
import { sql, type RawBuilder } from "kysely";
import type { PartQueryContext, RawAggregateRow } from "./kpi-sql.js";
import type { RollupEntry } from "./rollup-plan.js";

function valueSql(part: AggregatePart): RawBuilder<unknown> {
  if (part.fn === "count") return sql`coalesce(sum(s.rows), 0)`;
  if (part.fn === "avg") return sql`case when sum(s.vn) > 0 then sum(s.total) / sum(s.vn) end`;
  return sql`case when sum(s.vn) > 0 then sum(s.total) end`;
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
  const count = part.fn === "count" ? sql`coalesce(sum(s.rows), 0)` : sql`coalesce(sum(s.vn), 0)`;
  return sql<RawAggregateRow>`select
      case when grouping(s.period) = 0 then s.period end as period,
      ${grpOut} as grp,
      ${valueSql(part)} as value,
      ${count} as n
    from (
      select (${keys}::text[])[width_bucket(k.day, ${starts}::date[])] as period, k.grp, k.rows, k.vn, k.total
      from kpi_rollups k
      where k.workspace_id = ${ctx.workspaceId} and k.app_id = ${ctx.appId} and k.rollup_key = ${entry.key}
        and k.day >= ${first.from}::date and k.day < ${last.to}::date
    ) s
    group by grouping sets (${sets})
    having (${overall}) or sum(s.rows) > 0`;
}
