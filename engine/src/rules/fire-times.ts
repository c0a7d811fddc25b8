import { civilFromDays, DAY_MS, isoWeekday } from "../time/civil-date.js";
import { cronMatchesDay, parseCron, type CronSchedule } from "./cron.js";
import { RuleError } from "./rule-error.js";
import { ruleZone } from "./rule-zone.js";

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** Parse an ISO instant to epoch milliseconds; throws RuleError instant_invalid. */
export function parseInstant(instant: string): number {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new RuleError("instant_invalid", `"${instant}"`, { instant });
  return ms;
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
  const clock = ruleZone(timeZone);
  const afterMs = parseInstant(after);
  const untilMs = parseInstant(until);
  const out: string[] = [];
  if (untilMs <= afterMs || max <= 0) return out;
  // One spare day each side: a fall-back transition can move the wall clock across midnight.
  const firstDay = Math.floor(clock.wallAt(afterMs) / DAY_MS) - 1;
  const lastDay = Math.floor(clock.wallAt(untilMs) / DAY_MS) + 1;
  for (let day = firstDay; day <= lastDay; day++) {
    const date = civilFromDays(day);
    // Cron weekdays count from Sunday = 0.
    if (!cronMatchesDay(schedule, date.month, date.day, isoWeekday(day) % 7)) continue;
    const midnight = day * DAY_MS;
    // Assumes at most one offset change within three days, true of every real zone.
    const before = clock.offsetAt(midnight - DAY_MS);
    const afterOffset = clock.offsetAt(midnight + 2 * DAY_MS);
    const times = new Set<number>();
    for (const hour of schedule.hours) {
      for (const minute of schedule.minutes) {
        const at = clock.instantOf(midnight + hour * HOUR_MS + minute * MINUTE_MS, before, afterOffset);
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
