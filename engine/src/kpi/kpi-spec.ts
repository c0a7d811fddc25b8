/**
 * A KPI compiled to database-independent aggregate parts. The runtime turns each part into ONE SQL
 * aggregate query (never a loop over rows in Node) and hands the rows to assembleKpiResult.
 *
 * Runtime contract, per part, for a query {from, to (exclusive), unit, groupBy?}:
 * 1. Source. `records`: the live records of `formId` in the workspace. `stage_log`: the stage-log
 *    rows of the form's records, joined to their record; `log` refs read the log row, `system` and
 *    `data` refs read the record. `thenEntered: s` keeps a log row only when its record also has a
 *    log row for stage s with entered_at >= this row's entered_at (an EXISTS subquery).
 * 2. Reading a FieldRef. `system`: the typed column (`id`, `stage`, `owner_id` are text; the others
 *    timestamptz). `log`: stage_log.stage (text), entered_at / exited_at (timestamptz). `data`:
 *    data->>'key' cast by valueType: number → numeric, date → date, datetime → timestamptz,
 *    boolean → boolean, text → text; `array` (a JSON array) and `object` stay jsonb.
 * 3. filter: every condition holds (AND); `op` means what it means in record filters (FilterOperator);
 *    values are literals, stage values are stage ids.
 * 4. Periods. `periodBuckets(from, to, unit, spec.timeZone)` lists the query's periods, clipped to
 *    [from, to). Join rows to buckets by the part's period; `date` values compare with the bucket
 *    dates, timestamps with the bucket instants (their local midnights):
 *    - point (no periodEndField): bucket.from <= periodField < bucket.to. A null period matches none.
 *    - span (periodEndField set; fn is "sum"): the row covers the dates [periodField, periodEndField]
 *      (end inclusive; a null end means the start day only) and adds value × overlapDays ÷ spanDays
 *      to every bucket it overlaps (proration by days).
 *    Rows outside every bucket are outside the query range and left out of every aggregate.
 * 5. value: a FieldRef, or a duration (to − from) in days or hours as a float. A `date` moment is its
 *    local midnight in spec.timeZone; `stage_entered` is the record's first entry into that stage
 *    (MIN(entered_at) over its log rows); a missing end gives null, which aggregates skip.
 * 6. fn: count = distinct source rows (distinct records for stage_log); sum/avg/min/max of the
 *    non-null values; median = percentile_cont(0.5).
 * 7. Grouping: GROUPING SETS ((bucket key), (group key), ()) — the group set only when the query has
 *    groupBy and the part has a GroupField for that dimension. The group key is the value as text
 *    (booleans "true"/"false", dates "YYYY-MM-DD", user/option/record ids as stored), "" when null.
 * Rows returned per part (AggregateRow): one per non-empty bucket {period: key, group: null}, one
 * per group over the whole range {period: null, group: key}, and exactly one overall row
 * {period: null, group: null} (value null, count 0 when nothing matched), the overall and group
 * rows aggregated over the whole range (so avg and median are exact, not averages of averages).
 * Values are JS numbers (convert numeric/bigint strings). Missing bucket or group rows are fine:
 * assembleKpiResult reads them as 0 for count/sum measure parts and as unknown (null) otherwise.
 */
import type { FilterOperator, Goal, Kpi, PeriodUnit } from "@stagecraft/schemas";

/** A column of the records table that every record has (SYSTEM_FIELDS `_owner` → `owner_id`, …). */
export type SystemColumn =
  "id" | "stage" | "owner_id" | "created_at" | "updated_at" | "stage_entered_at" | "closed_at";

/** A column of a stage-log row. */
export type LogColumn = "stage" | "entered_at" | "exited_at";

/** How a data value is read: the SQL cast of data->>'key' (arrays and objects stay JSON). */
export type DataValueType = "number" | "text" | "date" | "datetime" | "boolean" | "array" | "object";

/** A field reference checked against the definition, carrying how to read it. */
export type FieldRef =
  | { kind: "system"; column: SystemColumn }
  | { kind: "data"; key: string; valueType: DataValueType }
  | { kind: "log"; column: LogColumn };

/** A moment of a record's life: a column or field, or its first entry into a stage (stage log). */
export type MomentRef = { kind: "field"; field: FieldRef } | { kind: "stage_entered"; stage: string };

/** Time from one moment to another, as a float in days or hours. */
export interface DurationValue {
  kind: "duration";
  from: MomentRef;
  to: MomentRef;
  unit: "days" | "hours";
}

/** A literal value of a condition. */
export type SpecScalar = string | number | boolean | null;

/** One condition of a part's filter; the value is a list for in/not_in/between, absent for is_set/not_set. */
export interface SpecCondition {
  field: FieldRef;
  op: FilterOperator;
  value?: SpecScalar | SpecScalar[];
}

/** Where a part reads rows from. */
export type PartSource =
  { kind: "records"; formId: string } | { kind: "stage_log"; formId: string; thenEntered?: string };

/** The aggregate function of a part. */
export type AggregateFn = "count" | "sum" | "avg" | "min" | "max" | "median";

/** How a part reads one grouping dimension of the KPI. */
export interface GroupField {
  dimension: string;
  field: FieldRef;
}

/** One aggregate query: source, filter, value, period and groupings. */
export interface AggregatePart {
  alias: string;
  source: PartSource;
  fn: AggregateFn;
  /** Absent for count. */
  value?: FieldRef | DurationValue;
  filter: SpecCondition[];
  periodField: FieldRef;
  /** Set for goal rows that span a date range (prorated over the periods they overlap). */
  periodEndField?: FieldRef;
  /** The dimensions this part can be grouped by; measure parts have every dimension of the KPI. */
  groupFields: GroupField[];
}

/** How part values become the KPI value. */
export type Combine =
  | { kind: "single"; part: string }
  | { kind: "ratio"; numerator: string; denominator: string }
  | { kind: "conversion"; entered: string; base: string };

/** The goal: computed by the engine (fixed, split), or read by the runtime from goal rows. */
export type GoalSpec =
  | {
      kind: "value";
      goal: Exclude<Goal, { type: "records" }>;
      /** The dimension a split goal's members are keys of (the KPI's first dimension). */
      dimension?: string;
    }
  | { kind: "records"; part: string };

/** What a KPI value is shown as. */
export type KpiFormat = NonNullable<Kpi["format"]>;

/** A KPI compiled for the runtime's aggregate queries and for assembleKpiResult. */
export interface KpiSpec {
  kpiId: string;
  formId: string;
  /** The app's time zone: periods and `date` moments are read in it. */
  timeZone: string;
  /** Measure parts, then the records goal's part (alias "goal") when there is one. */
  parts: AggregatePart[];
  combine: Combine;
  /** Fields a query may group by: the KPI's groupBy, then those of dashboard widgets showing it. */
  dimensions: string[];
  goal?: GoalSpec;
  /** True for count and sum: values add up over periods and groups, missing rows count as 0. */
  additive: boolean;
  format: KpiFormat;
  better: "higher" | "lower";
}

/** One row the runtime returns for a part (see the contract above); `count` is informational. */
export interface AggregateRow {
  period: string | null;
  group: string | null;
  value: number | null;
  count?: number;
}

/** A KPI query: the date range [from, to) (`to` exclusive), the series unit, an optional dimension. */
export interface KpiQuery {
  from: string;
  to: string;
  unit: PeriodUnit;
  groupBy?: string;
}

/** The answer of GET /api/apps/:appId/kpis/:kpiId. */
export interface KpiResult {
  value: number | null;
  goal: number | null;
  ratio: number | null;
  series: { period: string; value: number | null; goal: number | null }[];
  groups: { key: string; value: number | null; goal: number | null }[];
}
