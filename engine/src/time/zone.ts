/**
 * Wall clocks of IANA time zones, read through Intl (the engine ships no tz database, and Intl
 * reads no clock). A wall time is local milliseconds counted as if the zone were UTC: day number ×
 * DAY_MS + time of day, so `Math.floor(wall / DAY_MS)` is the local day number.
 */
import { DAY_MS, daysFromCivil } from "./civil-date.js";

const MAX_CACHED_ZONES = 512;
// Intl.formatToParts costs microseconds; the same instants (ctx.now above all) recur across records.
const MAX_REMEMBERED_INSTANTS = 4096;

/** The wall clock of one IANA time zone. */
export interface Zone {
  /** The zone's name as given. */
  readonly timeZone: string;
  /** Local wall milliseconds of an epoch instant. */
  wallAt(epochMs: number): number;
  /** Milliseconds to add to an instant to get its wall time. */
  offsetAt(epochMs: number): number;
  /**
   * The instant a wall time happens, given the offsets in force before and after a possible
   * transition (by default those a day either side): a repeated time (fall back) resolves to its
   * first occurrence, a skipped time (spring forward) moves forward by the length of the gap, as
   * java.time does. Assumes at most one offset change in that span, true of every real zone.
   */
  instantOf(wall: number, before?: number, after?: number): number;
}

const zones = new Map<string, Zone>();
const rememberedWallTimes = new Map<string, number>();

class IntlZone implements Zone {
  constructor(
    readonly timeZone: string,
    private readonly format: Intl.DateTimeFormat,
  ) {}

  wallAt(epochMs: number): number {
    if (this.timeZone === "UTC") return epochMs;
    const key = `${this.timeZone} ${epochMs}`;
    const remembered = rememberedWallTimes.get(key);
    if (remembered !== undefined) return remembered;
    let [year, month, day, hour, minute, second] = [0, 0, 0, 0, 0, 0];
    let beforeChrist = false;
    for (const part of this.format.formatToParts(epochMs)) {
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

  offsetAt(epochMs: number): number {
    return this.wallAt(epochMs) - epochMs;
  }

  instantOf(
    wall: number,
    before = this.offsetAt(wall - DAY_MS),
    after = this.offsetAt(wall + DAY_MS),
  ): number {
    const first = wall - before;
    if (before === after) return first;
    const second = wall - after;
    const firstValid = this.offsetAt(first) === before;
    const secondValid = this.offsetAt(second) === after;
    if (firstValid && secondValid) return Math.min(first, second);
    if (secondValid) return second;
    return first;
  }
}

/** The wall clock of a time zone (cached per zone), or null when Intl does not know the zone. */
export function zoneOf(timeZone: string): Zone | null {
  const cached = zones.get(timeZone);
  if (cached !== undefined) return cached;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", {
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
  const zone = new IntlZone(timeZone, format);
  if (zones.size < MAX_CACHED_ZONES) zones.set(timeZone, zone);
  return zone;
}

/** Whether Intl knows the time zone (the runtime should check configured zones with this). */
export function isValidTimeZone(timeZone: string): boolean {
  return zoneOf(timeZone) !== null;
}

/**
 * The wall clock of a zone the definition validator has already checked; an unknown one is a bug
 * and throws the RangeError Intl throws for it.
 */
export function knownZone(timeZone: string): Zone {
  const zone = zoneOf(timeZone);
  if (zone === null) throw new RangeError(`Invalid time zone specified: ${timeZone}`);
  return zone;
}
