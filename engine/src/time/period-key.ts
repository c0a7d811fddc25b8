/**
 * Period keys of a day: "2026-11-23" (day), "2026-W48" (ISO week: Monday start, ISO week-year),
 * "2026-11" (month), "2026-Q4" (quarter) and "2026" (year). They equal Postgres `to_char` with
 * 'YYYY-MM-DD', 'IYYY-"W"IW', 'YYYY-MM', 'YYYY-"Q"Q' and 'YYYY' of the local date.
 */
import type { PeriodUnit } from "@stagecraft/schemas";
import { civilFromDays, formatDay, isPrintableYear, isoWeek, padded } from "./civil-date.js";

// A Record, so a unit added to PeriodUnit without an entry here is a compile error.
const UNITS: Readonly<Record<PeriodUnit, true>> = {
  day: true,
  week: true,
  month: true,
  quarter: true,
  year: true,
};

/** Narrows a value to a period unit. */
export function isPeriodUnit(value: unknown): value is PeriodUnit {
  return typeof value === "string" && Object.hasOwn(UNITS, value);
}

/** The key of the period of `unit` holding a day number, or null outside years 0000–9999. */
export function periodKey(days: number, unit: PeriodUnit): string | null {
  if (unit === "day") return formatDay(days);
  if (unit === "week") {
    const { year, week } = isoWeek(days);
    return isPrintableYear(year) ? `${padded(year, 4)}-W${padded(week, 2)}` : null;
  }
  const { year, month } = civilFromDays(days);
  if (!isPrintableYear(year)) return null;
  if (unit === "month") return `${padded(year, 4)}-${padded(month, 2)}`;
  if (unit === "quarter") return `${padded(year, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
  return padded(year, 4);
}
