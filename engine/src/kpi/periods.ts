/**
 * Period keys of KPI series: "2026" (year), "2026-Q4" (quarter), "2026-11" (month), "2026-W48"
 * (ISO week: Monday start, ISO week-year) and "2026-11-23" (day). Ranges are half-open date ranges
 * [from, to). Keys equal Postgres `to_char` with 'YYYY', 'YYYY-"Q"Q', 'YYYY-MM', 'IYYY-"W"IW' and
 * 'YYYY-MM-DD' of the local date, should a runtime prefer keying rows itself over buckets.
 */
import type { PeriodUnit } from "@stagecraft/schemas";
import { DAY_MS, formatCivil, padded } from "../time/civil-date.js";
import { periodKey as periodKeyOfDay } from "../time/period-key.js";
import { knownZone } from "../time/zone.js";
import {
  addDays,
  dayNumber,
  isCalendarDate,
  isoWeekStart,
  isoWeeksIn,
  maxDate,
  minDate,
} from "./calendar-date.js";
import { KpiError } from "./kpi-error.js";
import { startOfDay } from "./zoned-midnight.js";

/** The most periods one series may hold (ten years of days). */
export const MAX_PERIODS = 3660;

/** A half-open date range [from, to) with the instants its bounds start at in a time zone. */
export interface PeriodRange {
  from: string;
  to: string;
  fromInstant: string;
  toInstant: string;
}

/** One period of a query range, clipped to the range: what the runtime groups rows by. */
export interface PeriodBucket extends PeriodRange {
  key: string;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * The key of the period holding `instant` (ISO 8601 with Z or an offset, read in `timeZone`) or a plain
 * date "YYYY-MM-DD" (taken as is: a calendar date has no time zone).
 */
export function periodKey(instant: string, unit: PeriodUnit, timeZone: string): string {
  let day: number;
  if (isCalendarDate(instant)) {
    day = dayNumber(instant);
  } else {
    // An instant must carry its offset: without one, parsing would depend on the host's time zone.
    const epochMs = Date.parse(instant);
    if (!INSTANT.test(instant) || Number.isNaN(epochMs)) throw badDate(instant);
    day = Math.floor(knownZone(timeZone).wallAt(epochMs) / DAY_MS);
  }
  const key = periodKeyOfDay(day, unit);
  if (key === null) throw badDate(instant);
  return key;
}

function badDate(instant: string): KpiError {
  return new KpiError("KPI_BAD_DATE", `"${instant}" is not an ISO 8601 instant or date`);
}

/** The unit and date range [from, to) of a period key; throws KPI_BAD_PERIOD_KEY for other text. */
export function parsePeriodKey(key: string): { unit: PeriodUnit; from: string; to: string } {
  let m = /^(\d{4})$/.exec(key);
  if (m !== null) return { unit: "year", from: `${key}-01-01`, to: monthAfter(`${key}-01-01`, 12) };
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m !== null) {
    const from = `${m[1]}-${padded(Number(m[2]) * 3 - 2, 2)}-01`;
    return { unit: "quarter", from, to: monthAfter(from, 3) };
  }
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (m !== null) return { unit: "month", from: `${key}-01`, to: monthAfter(`${key}-01`, 1) };
  m = /^(\d{4})-W(\d{2})$/.exec(key);
  if (m !== null && Number(m[2]) >= 1 && Number(m[2]) <= isoWeeksIn(Number(m[1]))) {
    const from = isoWeekStart(Number(m[1]), Number(m[2]));
    return { unit: "week", from, to: addDays(from, 7) };
  }
  if (isCalendarDate(key)) return { unit: "day", from: key, to: addDays(key, 1) };
  throw new KpiError("KPI_BAD_PERIOD_KEY", `"${key}" is not a period key`);
}

/** The first day of the month `months` months after the month starting at `first`. */
function monthAfter(first: string, months: number): string {
  const index = Number(first.slice(0, 4)) * 12 + Number(first.slice(5, 7)) - 1 + months;
  return formatCivil({ year: Math.floor(index / 12), month: (index % 12) + 1, day: 1 });
}

/** The date range [from, to) of a period key, with the instants its bounds start at (UTC by default). */
export function periodRange(key: string, timeZone = "UTC"): PeriodRange {
  const { from, to } = parsePeriodKey(key);
  return { from, to, fromInstant: startOfDay(from, timeZone), toInstant: startOfDay(to, timeZone) };
}

/** Keys of the periods of `unit` that overlap the date range [from, to), in order (at most MAX_PERIODS). */
export function periodsBetween(from: string, to: string, unit: PeriodUnit): string[] {
  if (!isCalendarDate(from) || !isCalendarDate(to) || to < from) {
    throw new KpiError("KPI_BAD_DATE", `[${from}, ${to}) is not a date range`);
  }
  const keys: string[] = [];
  let cursor = from;
  while (cursor < to) {
    if (keys.length === MAX_PERIODS) {
      throw new KpiError("KPI_TOO_MANY_PERIODS", `[${from}, ${to}) holds more than ${MAX_PERIODS} ${unit}s`);
    }
    const key = periodKey(cursor, unit, "UTC");
    keys.push(key);
    cursor = parsePeriodKey(key).to;
  }
  return keys;
}

/**
 * The periods of a query range [from, to), each clipped to the range, with the instants their
 * bounds start at in `timeZone`: the runtime joins source rows to these to group them by period.
 */
export function periodBuckets(from: string, to: string, unit: PeriodUnit, timeZone: string): PeriodBucket[] {
  return periodsBetween(from, to, unit).map((key) => {
    const period = parsePeriodKey(key);
    const start = maxDate(period.from, from);
    const end = minDate(period.to, to);
    return {
      key,
      from: start,
      to: end,
      fromInstant: startOfDay(start, timeZone),
      toInstant: startOfDay(end, timeZone),
    };
  });
}
