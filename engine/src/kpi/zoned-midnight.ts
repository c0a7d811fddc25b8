/**
 * The instant a calendar date starts in a time zone, so the runtime can compare timestamp columns
 * with period bounds without time-zone logic in SQL.
 */
import { DAY_MS } from "../time/civil-date.js";
import { knownZone } from "../time/zone.js";
import { dayNumber } from "./calendar-date.js";

/**
 * The first instant of `date` in `timeZone`, ISO 8601 UTC ("2026-11-01" in Asia/Shanghai is
 * "2026-10-31T16:00:00.000Z"). When a DST jump skips midnight, the day starts when the clock
 * resumes; when one repeats it, at the first midnight.
 */
export function startOfDay(date: string, timeZone: string): string {
  const wall = dayNumber(date) * DAY_MS;
  return new Date(knownZone(timeZone).instantOf(wall)).toISOString();
}
