import { cronMatchesDay, parseCron, type CronSchedule } from "./cron.js";
import { RuleError } from "./rule-error.js";

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Parse an ISO instant to epoch milliseconds; throws RuleError instant_invalid. */
export function parseInstant(instant: string): number {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new RuleError("instant_invalid", `"${instant}"`, { instant });
  return ms;
}

/** Wall-clock offsets of one IANA time zone, read through Intl (the engine has no tz database). */
export class ZoneClock {
  private readonly format: Intl.DateTimeFormat;

  /** Throws RuleError time_zone_invalid for an unknown zone. */
  constructor(readonly timeZone: string) {
    try {
      this.format = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      throw new RuleError("time_zone_invalid", `"${timeZone}"`, { timeZone });
    }
  }

  /** Milliseconds to add to an instant to get its wall-clock time read as UTC. */
  offsetAt(ms: number): number {
    let year = 0;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let second = 0;
    for (const part of this.format.formatToParts(ms)) {
      const value = Number(part.value);
      if (part.type === "year") year = value;
      else if (part.type === "month") month = value;
      else if (part.type === "day") day = value;
      else if (part.type === "hour") hour = value;
      else if (part.type === "minute") minute = value;
      else if (part.type === "second") second = value;
    }
    const wall = Date.UTC(year, month - 1, day, hour, minute, second);
    return wall - Math.floor(ms / 1000) * 1000;
  }

  /** The wall-clock time (as UTC milliseconds) of an instant. */
  wallAt(ms: number): number {
    return ms + this.offsetAt(ms);
  }

  /**
   * The instant of a wall-clock time, given the offsets in force before (`before`) and after
   * (`after`) a possible transition: a repeated time (fall back) resolves to its first occurrence,
   * a skipped time (spring forward) moves forward by the length of the gap, as java.time does.
   */
  instantOf(wall: number, before: number, after: number): number {
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

/**
 * The instants in (after, until] at which a cron fires in an IANA time zone, as ISO strings,
 * at most `max` of them. Works day by day on wall-clock dates (only matching days cost Intl
 * calls), so a year-long range is cheap. Throws RuleError on a bad cron, zone or instant.
 */
export function nextFireTimes(
  cron: string | CronSchedule,
  timeZone: string,
  after: string,
  until: string,
  max = 1000,
): string[] {
  const schedule = typeof cron === "string" ? parseCron(cron) : cron;
  const clock = new ZoneClock(timeZone);
  const afterMs = parseInstant(after);
  const untilMs = parseInstant(until);
  const out: string[] = [];
  if (untilMs <= afterMs || max <= 0) return out;
  // One spare day each side: a fall-back transition can move the wall clock across midnight.
  const firstDay = Math.floor(clock.wallAt(afterMs) / DAY_MS) * DAY_MS - DAY_MS;
  const lastDay = Math.floor(clock.wallAt(untilMs) / DAY_MS) * DAY_MS + DAY_MS;
  for (let day = firstDay; day <= lastDay; day += DAY_MS) {
    const date = new Date(day);
    if (!cronMatchesDay(schedule, date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCDay())) continue;
    // Assumes at most one offset change within three days, true of every real zone.
    const before = clock.offsetAt(day - DAY_MS);
    const afterOffset = clock.offsetAt(day + 2 * DAY_MS);
    const times = new Set<number>();
    for (const hour of schedule.hours) {
      for (const minute of schedule.minutes) {
        const at = clock.instantOf(day + hour * HOUR_MS + minute * MINUTE_MS, before, afterOffset);
        if (at > afterMs && at <= untilMs) times.add(at);
      }
    }
    // A gap can shift a time past a later one of the same day: keep the instants in order.
    const sorted = before === afterOffset ? [...times] : [...times].sort((a, b) => a - b);
    for (const at of sorted) {
      out.push(new Date(at).toISOString());
      if (out.length >= max) return out;
    }
  }
  return out;
}
