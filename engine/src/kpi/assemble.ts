/**
 * assembleKpiResult: the rows the runtime's aggregate queries returned (see kpi-spec.ts for the
 * contract) → the KPI endpoint's answer: total, goal, achievement ratio, series and groups.
 */
import { goalBetween } from "./goal.js";
import { KpiError } from "./kpi-error.js";
import type { AggregateRow, KpiQuery, KpiResult, KpiSpec } from "./kpi-spec.js";
import { periodBuckets } from "./periods.js";

/** One part's rows, looked up by kind: overall, per period key, per group key. */
interface PartRows {
  overall: number | null | undefined;
  periods: ReadonlyMap<string, number | null>;
  groups: ReadonlyMap<string, number | null>;
}

/** Picks one value of a part's rows (undefined when the runtime returned no such row). */
type Pick = (rows: PartRows) => number | null | undefined;

function indexRows(rows: readonly AggregateRow[]): PartRows {
  const periods = new Map<string, number | null>();
  const groups = new Map<string, number | null>();
  let overall: number | null | undefined;
  for (const row of rows) {
    if (row.period !== null) periods.set(row.period, row.value);
    else if (row.group !== null) groups.set(row.group, row.value);
    else overall = row.value;
  }
  return { overall, periods, groups };
}

/** n ÷ d, null when either is unknown or d is 0. */
function divide(n: number | null, d: number | null): number | null {
  return n === null || d === null || d === 0 ? null : n / d;
}

/**
 * Assemble the KPI answer for `query` from the rows of each part (keyed by part alias). Every period
 * of [from, to) is in `series`; a missing value is 0 for count and sum parts, null otherwise. Ratio
 * and conversion values are null when the denominator is 0. Goals: fixed and split goals are
 * computed for each (clipped) period and the whole range; a records goal is read from the "goal"
 * part's rows. Group goals: split goals per member (on the KPI's first dimension), records goals per
 * group, fixed goals only for non-additive KPIs (a rate goal holds for everyone; a total does not
 * divide among groups). ratio = value ÷ goal, also when lower is better; null without a goal or at 0.
 */
export function assembleKpiResult(
  spec: KpiSpec,
  rows: Readonly<Record<string, readonly AggregateRow[]>>,
  query: KpiQuery,
): KpiResult {
  const { groupBy } = query;
  if (groupBy !== undefined && !spec.dimensions.includes(groupBy)) {
    throw new KpiError("KPI_UNKNOWN_DIMENSION", `cannot group by "${groupBy}"`, { kpiId: spec.kpiId });
  }
  const tables = new Map(
    spec.parts.map((part) => [
      part.alias,
      indexRows(Object.hasOwn(rows, part.alias) ? (rows[part.alias] ?? []) : []),
    ]),
  );
  const goalAlias = spec.goal?.kind === "records" ? spec.goal.part : undefined;
  const zeroWhenMissing = new Set(
    spec.parts
      .filter((p) => p.alias !== goalAlias && (p.fn === "count" || p.fn === "sum"))
      .map((p) => p.alias),
  );
  const read = (alias: string, pick: Pick): number | null => {
    const table = tables.get(alias);
    const value = table === undefined ? undefined : pick(table);
    return value ?? (zeroWhenMissing.has(alias) ? 0 : null);
  };
  const valueOf = (pick: Pick): number | null => {
    const c = spec.combine;
    switch (c.kind) {
      case "single":
        return read(c.part, pick);
      case "ratio":
        return divide(read(c.numerator, pick), read(c.denominator, pick));
      case "conversion":
        return divide(read(c.entered, pick), read(c.base, pick));
    }
  };
  const goalOf = (from: string, to: string, pick: Pick, groupKey?: string): number | null => {
    const goal = spec.goal;
    if (goal === undefined) return null;
    if (goal.kind === "records") return read(goal.part, pick);
    if (groupKey === undefined) return goalBetween(goal.goal, from, to);
    if (goal.goal.type === "fixed") return spec.additive ? null : goalBetween(goal.goal, from, to);
    return goal.dimension === groupBy ? goalBetween(goal.goal, from, to, groupKey) : null;
  };

  const value = valueOf((t) => t.overall);
  const goal = goalOf(query.from, query.to, (t) => t.overall);
  const series = periodBuckets(query.from, query.to, query.unit, spec.timeZone).map((bucket) => {
    const pick: Pick = (t) => t.periods.get(bucket.key);
    return { period: bucket.key, value: valueOf(pick), goal: goalOf(bucket.from, bucket.to, pick) };
  });
  const groups =
    groupBy === undefined
      ? []
      : groupKeys(spec, tables, groupBy).map((key) => {
          const pick: Pick = (t) => t.groups.get(key);
          return { key, value: valueOf(pick), goal: goalOf(query.from, query.to, pick, key) };
        });
  return { value, goal, ratio: divide(value, goal), series, groups };
}

/** Every group key any part returned, plus a split goal's members on that dimension, sorted. */
function groupKeys(spec: KpiSpec, tables: ReadonlyMap<string, PartRows>, groupBy: string): string[] {
  const keys = new Set<string>();
  for (const table of tables.values()) for (const key of table.groups.keys()) keys.add(key);
  const goal = spec.goal;
  if (goal?.kind === "value" && goal.goal.type === "split" && goal.dimension === groupBy) {
    for (const member of goal.goal.members ?? []) keys.add(member.key);
  }
  return [...keys].sort();
}
