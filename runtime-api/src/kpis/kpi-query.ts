/**
 * The query string of the KPI and dashboard endpoints → a KpiQuery, or a 400 naming every bad
 * parameter (`/query/from`, `/query/to`, `/query/unit`, `/query/groupBy`).
 *
 * `from` and `to` are calendar dates "YYYY-MM-DD" in the app's time zone; `to` is EXCLUSIVE (the
 * engine's contract): the year 2026 is from=2026-01-01&to=2027-01-01. Without both, the range is
 * the current calendar year in the app's time zone; with only one, the other completes that
 * bound's calendar year. `unit` (day|week|month|quarter|year) defaults to month.
 */
import { KpiError, MAX_PERIODS, periodBuckets, type KpiQuery } from "@stagecraft/engine";
import type { PeriodUnit } from "@stagecraft/schemas";
import { HttpProblem, type ProblemItem } from "../problem.js";
import { addDays, isIsoDate, yearStart } from "./calendar-day.js";

/** The raw query-string parameters (Fastify gives strings, or arrays for repeated keys). */
export interface RawKpiQuery {
  from?: unknown;
  to?: unknown;
  unit?: unknown;
  groupBy?: unknown;
}

/** What a query is checked against. */
export interface KpiQueryRules {
  timeZone: string;
  /** Today in the app's time zone, "YYYY-MM-DD". */
  today: string;
  /** The dimensions groupBy may name; undefined when groupBy is not accepted. */
  dimensions?: readonly string[];
  defaultUnit?: PeriodUnit;
}

const UNITS: readonly PeriodUnit[] = ["day", "week", "month", "quarter", "year"];

function isUnit(value: unknown): value is PeriodUnit {
  return typeof value === "string" && (UNITS as readonly string[]).includes(value);
}

function readDate(name: "from" | "to", value: unknown, errors: ProblemItem[]): string | undefined {
  if (value === undefined || value === "") return undefined;
  if (typeof value === "string" && isIsoDate(value)) return value;
  errors.push({ path: `/query/${name}`, code: "format", message: `${name} must be a date YYYY-MM-DD` });
  return undefined;
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** Why [from, to) cannot be split into periods of `unit` (too many, or dates out of range); null when it can. */
function rangeProblem(from: string, to: string, unit: PeriodUnit, timeZone: string): ProblemItem | null {
  try {
    periodBuckets(from, to, unit, timeZone);
    return null;
  } catch (err) {
    if (!(err instanceof KpiError)) throw err;
    return err.code === "KPI_TOO_MANY_PERIODS"
      ? {
          path: "/query/to",
          code: "range",
          message: `the range holds more than ${MAX_PERIODS} ${unit}s`,
          params: { limit: MAX_PERIODS },
        }
      : { path: "/query/to", code: "range", message: "the range is outside the supported dates" };
  }
}

/** Throw a 400 unless [from, to) can be split into periods of `unit`. */
export function checkRange(from: string, to: string, unit: PeriodUnit, timeZone: string): void {
  const problem = rangeProblem(from, to, unit, timeZone);
  if (problem !== null) throw new HttpProblem(400, "the KPI query is not valid", [problem]);
}

/** The checked query: range [from, to), unit and groupBy; throws a 400 HttpProblem listing every problem. */
export function parseKpiQuery(raw: RawKpiQuery, rules: KpiQueryRules): KpiQuery {
  const errors: ProblemItem[] = [];
  const fromArg = readDate("from", raw.from, errors);
  const toArg = readDate("to", raw.to, errors);
  let unit: PeriodUnit = rules.defaultUnit ?? "month";
  if (raw.unit !== undefined && raw.unit !== "") {
    if (isUnit(raw.unit)) unit = raw.unit;
    else
      errors.push({
        path: "/query/unit",
        code: "enum",
        message: `unit must be one of ${UNITS.join(", ")}`,
        params: { allowedValues: UNITS },
      });
  }
  let groupBy: string | undefined;
  if (raw.groupBy !== undefined && raw.groupBy !== "") {
    const allowed = rules.dimensions ?? [];
    if (typeof raw.groupBy === "string" && allowed.includes(raw.groupBy)) groupBy = raw.groupBy;
    else {
      const message =
        allowed.length === 0 ? "this KPI cannot be grouped" : `groupBy must be one of ${allowed.join(", ")}`;
      errors.push({ path: "/query/groupBy", code: "enum", message, params: { allowedValues: allowed } });
    }
  }
  const year = yearOf(rules.today);
  const from = fromArg ?? (toArg !== undefined ? yearStart(yearOf(addDays(toArg, -1))) : yearStart(year));
  const to = toArg ?? yearStart(yearOf(fromArg ?? rules.today) + 1);
  if (errors.length === 0 && to <= from) {
    errors.push({ path: "/query/to", code: "range", message: "to must be after from (to is exclusive)" });
  }
  if (errors.length === 0) {
    const problem = rangeProblem(from, to, unit, rules.timeZone);
    if (problem !== null) errors.push(problem);
  }
  if (errors.length > 0) throw new HttpProblem(400, "the KPI query is not valid", errors);
  return groupBy === undefined ? { from, to, unit } : { from, to, unit, groupBy };
}
