/**
 * Calendar arithmetic for the date operators. Dates are "YYYY-MM-DD"; instants are ISO 8601 with
 * "Z" or an offset and become calendar dates in a time zone (via Intl, which reads no clock); a
 * date-time without offset is taken as local wall time. Everything is expressed as local "wall"
 * milliseconds: days since 1970-01-01 × 86 400 000 + time of day, so day numbers are plain integers.
 */
export const DAY_MS = 86_400_000;

const ISO_MOMENT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;
const MAX_MOMENT_LENGTH = 40;
const MAX_CACHED_ZONES = 512;
// Intl.formatToParts costs microseconds; the same instants (ctx.now above all) recur across records.
const MAX_REMEMBERED_INSTANTS = 4096;

/** A parsed date or instant as local wall milliseconds; `dateOnly` when it had no time part. */
export interface Moment {
  readonly wall: number;
  readonly dateOnly: boolean;
}

/** A calendar date of the proleptic Gregorian calendar. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

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

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const rememberedWallTimes = new Map<string, number>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  const cached = formatters.get(timeZone);
  if (cached !== undefined) return cached;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      hourCycle: "h23",
    });
  } catch {
    return null; // Intl throws RangeError for an unknown zone.
  }
  if (formatters.size < MAX_CACHED_ZONES) formatters.set(timeZone, formatter);
  return formatter;
}

/** Whether Intl knows the time zone (the runtime should check configured zones with this). */
export function isValidTimeZone(timeZone: string): boolean {
  return formatterFor(timeZone) !== null;
}

/** Local wall milliseconds of an epoch instant in a time zone; null for an unknown zone. */
export function wallTimeAt(epochMs: number, timeZone: string): number | null {
  if (timeZone === "UTC") return epochMs;
  const key = `${timeZone} ${epochMs}`;
  const remembered = rememberedWallTimes.get(key);
  if (remembered !== undefined) return remembered;
  const formatter = formatterFor(timeZone);
  if (formatter === null) return null;
  let [year, month, day, hour, minute, second] = [0, 0, 0, 0, 0, 0];
  let beforeChrist = false;
  for (const part of formatter.formatToParts(epochMs)) {
    const value = Number(part.value);
    switch (part.type) {
      case "era":
        beforeChrist = part.value === "BC";
        break;
      case "year":
        year = value;
        break;
      case "month":
        month = value;
        break;
      case "day":
        day = value;
        break;
      case "hour":
        hour = value;
        break;
      case "minute":
        minute = value;
        break;
      case "second":
        second = value;
        break;
      default:
        break;
    }
  }
  if (beforeChrist) year = 1 - year;
  const milliseconds = ((epochMs % 1000) + 1000) % 1000;
  const wall =
    daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + milliseconds;
  if (rememberedWallTimes.size >= MAX_REMEMBERED_INSTANTS) rememberedWallTimes.clear();
  rememberedWallTimes.set(key, wall);
  return wall;
}

function offsetMs(offset: string): number | null {
  if (offset === "Z" || offset === "z") return 0;
  const hours = Number(offset.slice(1, 3));
  const minutes = offset.length > 3 ? Number(offset.slice(-2)) : 0;
  if (hours > 23 || minutes > 59) return null;
  return (offset.startsWith("-") ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

/** Parses a date or instant into local wall time in `timeZone`; null when invalid or not a string. */
export function parseMoment(value: unknown, timeZone: string): Moment | null {
  if (typeof value !== "string" || value.length > MAX_MOMENT_LENGTH) return null;
  const match = ISO_MOMENT.exec(value);
  if (match === null) return null;
  const [, y = "", mo = "", d = "", h, mi = "0", s = "0", fraction = "", offset] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const dayMs = daysFromCivil(year, month, day) * DAY_MS;
  if (h === undefined) return { wall: dayMs, dateOnly: true };
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (hour > 23 || minute > 59 || second > 59) return null;
  const timeMs = ((hour * 60 + minute) * 60 + second) * 1000 + Number(fraction.padEnd(3, "0").slice(0, 3));
  if (offset === undefined) return { wall: dayMs + timeMs, dateOnly: false };
  const shift = offsetMs(offset);
  if (shift === null) return null;
  const wall = wallTimeAt(dayMs + timeMs - shift, timeZone);
  return wall === null ? null : { wall, dateOnly: false };
}

/** The day number of a date or instant in `timeZone`, or null. */
export function localDay(value: unknown, timeZone: string): number | null {
  const moment = parseMoment(value, timeZone);
  return moment === null ? null : Math.floor(moment.wall / DAY_MS);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** Whether a year prints as four ISO digits (the range every date operator works in). */
export function isPrintableYear(year: number): boolean {
  return year >= 0 && year <= 9999;
}

/** "YYYY-MM-DD" of a day number, or null outside years 0000–9999. */
export function formatDay(days: number): string | null {
  const { year, month, day } = civilFromDays(days);
  return isPrintableYear(year) ? `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` : null;
}

/** The ISO 8601 week of a day number: the week-numbering year and the week (1–53). */
export function isoWeek(days: number): { readonly year: number; readonly week: number } {
  const weekday = ((((days + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday; Monday is 1.
  const thursday = days + 4 - weekday;
  const { year } = civilFromDays(thursday);
  return { year, week: Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1 };
}

/** The bucket key of a day for a period unit: 2026-11-23, 2026-W48, 2026-11, 2026-Q4, 2026. */
export function periodKey(days: number, unit: PeriodUnit): string | null {
  if (unit === "day") return formatDay(days);
  if (unit === "week") {
    const { year, week } = isoWeek(days);
    return isPrintableYear(year) ? `${pad(year, 4)}-W${pad(week, 2)}` : null;
  }
  const { year, month } = civilFromDays(days);
  if (!isPrintableYear(year)) return null;
  if (unit === "month") return `${pad(year, 4)}-${pad(month, 2)}`;
  if (unit === "quarter") return `${pad(year, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
  return pad(year, 4);
}

/** The period units `period` accepts. */
export type PeriodUnit = "day" | "week" | "month" | "quarter" | "year";

const UNITS: ReadonlySet<string> = new Set(["day", "week", "month", "quarter", "year"]);

/** Narrows a value to a period unit. */
export function isPeriodUnit(value: unknown): value is PeriodUnit {
  return typeof value === "string" && UNITS.has(value);
}
