import type { ValidationIssue } from "../ajv.js";
import { issue } from "./issue.js";

/** One of the five fields of a cron expression, with its bounds and optional names. */
interface CronField {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  /** Names of values, upper case; the first one names `min`. */
  readonly names?: readonly string[];
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const WEEKDAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

const CRON_FIELDS: readonly CronField[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: MONTHS },
  // 0 and 7 are both Sunday, as in Vixie cron.
  { name: "weekday", min: 0, max: 7, names: WEEKDAYS },
];

const DIGITS = /^[0-9]{1,4}$/;

/** A value of a field: a number in bounds or a name; a message when it is neither. */
function parseValue(text: string, field: CronField): number | string {
  if (DIGITS.test(text)) {
    const n = Number(text);
    return n >= field.min && n <= field.max
      ? n
      : `${field.name} ${text} is outside ${field.min}-${field.max}`;
  }
  const named = field.names?.indexOf(text.toUpperCase()) ?? -1;
  if (named >= 0) return named + field.min;
  return `"${text}" is not a valid ${field.name}`;
}

function itemError(item: string, field: CronField): string | undefined {
  const parts = item.split("/");
  if (parts.length > 2) return `"${item}" has more than one step`;
  const [range = "", step] = parts;
  if (step !== undefined) {
    const n = DIGITS.test(step) ? Number(step) : 0;
    if (n < 1 || n > field.max) return `step "${step}" of the ${field.name} must be 1-${field.max}`;
  }
  if (range === "*") return undefined;
  const bounds = range.split("-");
  if (bounds.length > 2) return `"${range}" is not a range`;
  const values = bounds.map((b) => parseValue(b, field));
  for (const v of values) if (typeof v === "string") return v;
  const [from, to] = values;
  if (typeof to === "number" && typeof from === "number" && from > to) {
    return `the ${field.name} range "${range}" runs backwards`;
  }
  return undefined;
}

/**
 * Why `expression` is not a 5-field cron (minute hour day month weekday), or undefined when it is.
 * Items are `*`, a value, a range `a-b`, a list `a,b`, each with an optional step `/n`; months
 * and weekdays also take names (JAN-DEC, SUN-SAT).
 */
export function cronError(expression: string): string | undefined {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== CRON_FIELDS.length) {
    return `a cron expression has 5 fields (minute hour day month weekday), found ${fields.length}`;
  }
  for (const [i, field] of CRON_FIELDS.entries()) {
    for (const item of (fields[i] ?? "").split(",")) {
      const error = item === "" ? `an empty item in the ${field.name}` : itemError(item, field);
      if (error !== undefined) return error;
    }
  }
  return undefined;
}

/** Whether `timeZone` is an IANA time zone the platform knows (Intl decides, as the runtime will). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Push invalid_time_zone unless `timeZone` is absent or valid. */
export function checkTimeZone(timeZone: string | undefined, path: string, issues: ValidationIssue[]): void {
  if (timeZone !== undefined && !isValidTimeZone(timeZone)) {
    issues.push(issue(path, "invalid_time_zone", `"${timeZone}" is not an IANA time zone`, { timeZone }));
  }
}
