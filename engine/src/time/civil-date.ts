/**
 * Civil dates of the proleptic Gregorian calendar as day numbers (days since 1970-01-01), so date
 * arithmetic is plain integer arithmetic and never touches a clock, a time zone or Date's quirks
 * (Date.UTC reads years 0–99 as 1900–1999).
 */

/** Milliseconds in a civil day. */
export const DAY_MS = 86_400_000;

/** A calendar date of the proleptic Gregorian calendar. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The civil date of a day number (H. Hinnant's civil_from_days). */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1,
  };
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** The number of days of a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The day number of a real calendar date "YYYY-MM-DD" (not 2026-02-30), or null. */
export function parseDay(text: string): number | null {
  const match = DATE.exec(text);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day);
}

/** The ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function isoWeekday(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday.
}

/** The ISO 8601 week of a day number: the week-numbering year and the week (1–53). */
export function isoWeek(days: number): { readonly year: number; readonly week: number } {
  const thursday = days + 4 - isoWeekday(days);
  const { year } = civilFromDays(thursday);
  return { year, week: Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1 };
}

/** Zero-pads a non-negative whole number to `width` digits. */
export function padded(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** Whether a year prints as four ISO digits (the range keys and formatted dates cover). */
export function isPrintableYear(year: number): boolean {
  return year >= 0 && year <= 9999;
}

/** "YYYY-MM-DD" of any civil date: the year has at least four digits, and a sign when negative. */
export function formatCivil({ year, month, day }: CivilDate): string {
  const yyyy = year < 0 ? `-${padded(-year, 4)}` : padded(year, 4);
  return `${yyyy}-${padded(month, 2)}-${padded(day, 2)}`;
}

/** "YYYY-MM-DD" of a day number, or null outside years 0000–9999. */
export function formatDay(days: number): string | null {
  const civil = civilFromDays(days);
  return isPrintableYear(civil.year) ? formatCivil(civil) : null;
}
