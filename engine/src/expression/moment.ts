/**
 * Dates and instants as the date operators read them. Dates are "YYYY-MM-DD"; instants are ISO 8601
 * with "Z" or an offset and become wall times in a time zone; a date-time without offset is taken
 * as local wall time. Everything is expressed as local wall milliseconds (see time/zone.ts), so day
 * numbers are plain integers.
 */
import { DAY_MS, daysFromCivil, daysInMonth } from "../time/civil-date.js";
import { zoneOf } from "../time/zone.js";

const ISO_MOMENT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;
const MAX_MOMENT_LENGTH = 40;

/** A parsed date or instant as local wall milliseconds; `dateOnly` when it had no time part. */
export interface Moment {
  readonly wall: number;
  readonly dateOnly: boolean;
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
  const zone = zoneOf(timeZone);
  return zone === null ? null : { wall: zone.wallAt(dayMs + timeMs - shift), dateOnly: false };
}

/** The day number of a date or instant in `timeZone`, or null. */
export function localDay(value: unknown, timeZone: string): number | null {
  const moment = parseMoment(value, timeZone);
  return moment === null ? null : Math.floor(moment.wall / DAY_MS);
}
