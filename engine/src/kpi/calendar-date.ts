/**
 * Plain calendar dates ("YYYY-MM-DD", proleptic Gregorian, four-digit years from 0100) as day
 * numbers since 1970-01-01, so period arithmetic never touches a clock or a time zone.
 */
import {
  civilFromDays,
  daysFromCivil,
  formatCivil,
  isoWeek,
  isoWeekday,
  parseDay,
} from "../time/civil-date.js";
import { KpiError } from "./kpi-error.js";

// KPI dates have always started at year 0100: the first version read dates through Date.UTC,
// which takes years 0–99 for 1900–1999.
const FIRST_YEAR = 100;

/** The day number of a KPI calendar date, or null. */
function calendarDay(text: string): number | null {
  const day = parseDay(text);
  return day !== null && Number(text.slice(0, 4)) >= FIRST_YEAR ? day : null;
}

/** True when `text` is a real calendar date "YYYY-MM-DD" (not 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  return calendarDay(text) !== null;
}

/** The day number of a calendar date; throws KPI_BAD_DATE for anything else. */
export function dayNumber(date: string): number {
  const day = calendarDay(date);
  if (day === null) throw new KpiError("KPI_BAD_DATE", `"${date}" is not a date YYYY-MM-DD`);
  return day;
}

/** The calendar date of a day number. */
export function dateOfDay(day: number): string {
  return formatCivil(civilFromDays(day));
}

/** The date `days` days after `date` (before when negative). */
export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The ISO week of a date: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeekOf(date: string): { year: number; week: number } {
  return isoWeek(dayNumber(date));
}

/** The Monday that starts ISO week `week` of ISO year `year`. */
export function isoWeekStart(year: number, week: number): string {
  const jan4 = daysFromCivil(year, 1, 4);
  return dateOfDay(jan4 + 1 - isoWeekday(jan4) + (week - 1) * 7);
}

/** How many ISO weeks (52 or 53) an ISO year has. */
export function isoWeeksIn(year: number): number {
  return isoWeek(daysFromCivil(year, 12, 28)).week;
}

/** The later of two dates. */
export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** The earlier of two dates. */
export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
