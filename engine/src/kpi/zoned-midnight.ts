/**
 * The instant a calendar date starts in a time zone, via Intl (which reads no clock), so the runtime
 * can compare timestamp columns with period bounds without time-zone logic in SQL.
 */
import { dayNumber } from "./calendar-date.js";

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Local wall-clock milliseconds (as if UTC) of an instant in a time zone. */
function wallMs(epochMs: number, timeZone: string): number {
  const parts = new Map(
    formatterFor(timeZone)
      .formatToParts(new Date(epochMs))
      .map((p) => [p.type, p.value]),
  );
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.get(type));
  return Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
}

/**
 * The first instant of `date` in `timeZone`, ISO 8601 UTC ("2026-11-01" in Asia/Shanghai is
 * "2026-10-31T16:00:00.000Z"). When a DST jump skips midnight, the day starts when the clock resumes.
 */
export function startOfDay(date: string, timeZone: string): string {
  const wall = dayNumber(date) * DAY_MS;
  let instant = wall;
  // Two fixed-point steps settle the offset, also across a DST change near midnight.
  for (let step = 0; step < 2; step++) instant = wall - (wallMs(instant, timeZone) - instant);
  // Midnight skipped by DST: the instant found lies on the previous day; the day starts at the jump.
  if (wallMs(instant, timeZone) < wall) instant += wall - wallMs(instant, timeZone);
  return new Date(instant).toISOString();
}
