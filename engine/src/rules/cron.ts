import { RuleError } from "./rule-error.js";

/** A parsed 5-field cron expression: which minutes, hours, days, months and weekdays match. */
export interface CronSchedule {
  readonly source: string;
  /** Matching minutes (0–59) and hours (0–23), ascending. */
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  /** Indexed by day of month (1–31), month (1–12) and weekday (0 = Sunday). */
  readonly days: readonly boolean[];
  readonly months: readonly boolean[];
  readonly weekdays: readonly boolean[];
  /** Whether the day-of-month / day-of-week field starts with `*` (Vixie cron's OR rule). */
  readonly dayStar: boolean;
  readonly weekdayStar: boolean;
}

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
  /** The first name's value (JAN = 1, SUN = 0). */
  nameBase?: number;
}

const MINUTE: FieldSpec = { name: "minute", min: 0, max: 59 };
const HOUR: FieldSpec = { name: "hour", min: 0, max: 23 };
const DAY: FieldSpec = { name: "day of month", min: 1, max: 31 };
const MONTH: FieldSpec = {
  name: "month",
  min: 1,
  max: 12,
  names: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"],
  nameBase: 1,
};
// 7 is Sunday too, folded onto 0 after parsing.
const WEEKDAY: FieldSpec = {
  name: "day of week",
  min: 0,
  max: 7,
  names: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"],
  nameBase: 0,
};

function invalid(source: string, detail: string): RuleError {
  return new RuleError("cron_invalid", `"${source}": ${detail}`, { cron: source });
}

function parseValue(text: string, spec: FieldSpec, source: string): number {
  const named = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  if (named >= 0) return named + (spec.nameBase ?? 0);
  if (!/^\d{1,2}$/.test(text)) throw invalid(source, `"${text}" is not a ${spec.name}`);
  const value = Number(text);
  if (value < spec.min || value > spec.max) {
    throw invalid(source, `${spec.name} ${value} is outside ${spec.min}-${spec.max}`);
  }
  return value;
}

/** Parse one field ("*", "1,5", "MON-FRI", "*\/15", "10-50/10") into a membership table. */
function parseField(text: string, spec: FieldSpec, source: string): boolean[] {
  const table: boolean[] = Array.from({ length: spec.max + 1 }, () => false);
  for (const item of text.split(",")) {
    const [range = "", stepText, extra] = item.split("/");
    if (extra !== undefined) throw invalid(source, `"${item}" has more than one step`);
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d{1,2}$/.test(stepText) || Number(stepText) === 0)
        throw invalid(source, `bad step in "${item}"`);
      step = Number(stepText);
    }
    let from: number;
    let to: number;
    if (range === "*") {
      from = spec.min;
      to = spec.max;
    } else {
      const [low = "", high, more] = range.split("-");
      if (more !== undefined) throw invalid(source, `"${range}" is not a range`);
      from = parseValue(low, spec, source);
      // "5/15" means from 5 to the end, every 15.
      to = high !== undefined ? parseValue(high, spec, source) : stepText !== undefined ? spec.max : from;
      if (from > to) throw invalid(source, `range "${range}" runs backwards`);
    }
    for (let v = from; v <= to; v += step) table[v] = true;
  }
  return table;
}

function members(table: readonly boolean[]): number[] {
  const out: number[] = [];
  table.forEach((on, v) => {
    if (on) out.push(v);
  });
  return out;
}

/** Parse a 5-field cron (minute hour day-of-month month day-of-week); throws RuleError cron_invalid. */
export function parseCron(source: string): CronSchedule {
  const parts = source.trim().split(/\s+/);
  if (parts.length !== 5) throw invalid(source, `expected 5 fields, got ${parts.length}`);
  const [minute = "", hour = "", day = "", month = "", weekday = ""] = parts;
  const weekdays = parseField(weekday, WEEKDAY, source);
  if (weekdays[7] === true) weekdays[0] = true;
  return {
    source,
    minutes: members(parseField(minute, MINUTE, source)),
    hours: members(parseField(hour, HOUR, source)),
    days: parseField(day, DAY, source),
    months: parseField(month, MONTH, source),
    weekdays: weekdays.slice(0, 7),
    dayStar: day.startsWith("*"),
    weekdayStar: weekday.startsWith("*"),
  };
}

/** Whether a calendar day matches: with both day fields restricted, either may match (cron's OR). */
export function cronMatchesDay(cron: CronSchedule, month: number, day: number, weekday: number): boolean {
  if (cron.months[month] !== true) return false;
  const dayOk = cron.days[day] === true;
  const weekdayOk = cron.weekdays[weekday] === true;
  if (cron.dayStar || cron.weekdayStar) return dayOk && weekdayOk;
  return dayOk || weekdayOk;
}
