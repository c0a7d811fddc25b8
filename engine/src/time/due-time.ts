/**
 * Due times of approvals and stage SLAs: an instant plus a duration, where days and working days
 * are counted on the wall clock of the app's time zone (a day keeps its time of day across a DST
 * change) and working days skip the calendar's weekend and holidays (and count its 调休 workdays).
 */
import type { AppDefinition, Calendar, Duration } from "@stagecraft/schemas";
import { DAY_MS, parseDay } from "./civil-date.js";
import { knownZone } from "./zone.js";

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
/** Working days a due time may look ahead for (a calendar of only holidays ends the search). */
const MAX_SEARCH_DAYS = 3650 * 8;

/** A calendar prepared for day lookups. */
export interface WorkingCalendar {
  readonly weekend: ReadonlySet<number>;
  readonly holidays: ReadonlySet<number>;
  readonly workdays: ReadonlySet<number>;
}

/** Saturday and Sunday off, no holidays: the calendar of an app that names none. */
export const DEFAULT_CALENDAR: WorkingCalendar = {
  weekend: new Set([0, 6]),
  holidays: new Set(),
  workdays: new Set(),
};

function dayNumbers(dates: readonly string[] | undefined): Set<number> {
  const days = new Set<number>();
  for (const date of dates ?? []) {
    const day = parseDay(date);
    if (day !== null) days.add(day);
  }
  return days;
}

/** Prepare a calendar of the definition for day lookups. */
export function workingCalendar(calendar: Calendar): WorkingCalendar {
  return {
    weekend: new Set(calendar.weekend),
    holidays: dayNumbers(calendar.holidays),
    workdays: dayNumbers(calendar.workdays),
  };
}

/** The app's calendar (`settings.calendar`, else its first one), or the default calendar. */
export function appCalendar(definition: AppDefinition): WorkingCalendar {
  const calendars = definition.calendars ?? [];
  const named = definition.settings?.calendar;
  const chosen = calendars.find((c) => c.id === named) ?? calendars[0];
  return chosen === undefined ? DEFAULT_CALENDAR : workingCalendar(chosen);
}

/** Whether a day number is a working day: a listed workday, else neither weekend nor holiday. */
export function isWorkingDay(calendar: WorkingCalendar, day: number): boolean {
  if (calendar.workdays.has(day)) return true;
  // 1970-01-01 (day 0) was a Thursday: 0 = Sunday as the calendar counts weekdays.
  const weekday = (((day + 4) % 7) + 7) % 7;
  return !calendar.weekend.has(weekday) && !calendar.holidays.has(day);
}

/**
 * The instant `duration` after `start` (ISO 8601), ISO 8601. Minutes and hours are elapsed time;
 * days move the local date and keep the local time of day; N working days land on the Nth working
 * day after the start's local date at the same local time (a start on a day off counts from the
 * next working day). A calendar without any working day in reach answers null.
 */
export function addDuration(
  start: string,
  duration: Duration,
  timeZone: string,
  calendar: WorkingCalendar = DEFAULT_CALENDAR,
): string | null {
  const startMs = Date.parse(start);
  if (duration.unit === "minutes") return new Date(startMs + duration.amount * MINUTE_MS).toISOString();
  if (duration.unit === "hours") return new Date(startMs + duration.amount * HOUR_MS).toISOString();
  const zone = knownZone(timeZone);
  const wall = zone.wallAt(startMs);
  const startDay = Math.floor(wall / DAY_MS);
  const timeOfDay = wall - startDay * DAY_MS;
  const whole = Math.floor(duration.amount);
  // A fraction of a day is elapsed time on top of the whole days.
  const fractionMs = Math.round((duration.amount - whole) * DAY_MS);
  let day = startDay + whole;
  if (duration.unit === "working_days") {
    let left = whole;
    day = startDay;
    while (left > 0) {
      day += 1;
      if (day - startDay > MAX_SEARCH_DAYS) return null;
      if (isWorkingDay(calendar, day)) left -= 1;
    }
  }
  return new Date(zone.instantOf(day * DAY_MS + timeOfDay) + fractionMs).toISOString();
}

/**
 * A lower bound of the elapsed milliseconds of a duration whatever its start, for a database
 * pre-filter ("entered at least this long ago"): N days or working days are at least N days
 * less the largest DST shift.
 */
export function minimumDurationMs(duration: Duration): number {
  switch (duration.unit) {
    case "minutes":
      return duration.amount * MINUTE_MS;
    case "hours":
      return duration.amount * HOUR_MS;
    default:
      return Math.max(0, Math.floor(duration.amount) * DAY_MS - 2 * HOUR_MS);
  }
}
