/**
 * The conditions of a KPI part (SpecCondition, all literals) as SQL predicates, values as parameters.
 *
 * Semantics, per operator (the same for KPIs and dashboard tables):
 * - Dates and timestamps compare by calendar day in the app's time zone: a timestamp "eq 2026-03-05"
 *   is any instant of that local day, "lte 2026-03-05" includes the whole day. An instant literal
 *   stands for its local date. Bounds become instants in JS (startOfDay), so timestamp columns keep
 *   their indexes.
 * - eq / ne with null mean not_set / is_set; ne and not_in keep rows whose value is null.
 * - A literal that cannot be a value of the field (text for a number, a bad date) equals nothing:
 *   eq, gt, in, between… match no row; ne and not_in match every row.
 * - eq on a text, number or boolean data field is JSON containment (`data @> {"key": value}`):
 *   stored values have their field's JSON type, and the GIN index on data serves it.
 * - between [low, high] is inclusive on both ends; a null bound is open.
 * - contains: case-insensitive substring of the text (dates as local "YYYY-MM-DD"), or membership in
 *   a multi-valued (array) field.
 * - is_set: not null, not "", not an empty list; not_set is its negation.
 * - within_last_days n: from n days before today up to the end of today. same_year y: the calendar
 *   year y (a number, or the year of a date). Both match nothing on fields that are not dates.
 */
import {
  periodKey,
  startOfDay,
  type FieldRef,
  type SpecCondition,
  type SpecScalar,
} from "@stagecraft/engine";
import { sql, type RawBuilder } from "kysely";
import { addDays, isIsoDate, yearStart } from "./calendar-day.js";
import { dataText, fieldSql, isTemporalType, sqlTypeOf, type SqlType } from "./field-sql.js";

/** What evaluating a filter needs besides the rows: the app's time zone and today's date in it. */
export interface FilterContext {
  timeZone: string;
  today: string;
}

type Predicate = RawBuilder<boolean>;

const TRUE: Predicate = sql<boolean>`true`;
const FALSE: Predicate = sql<boolean>`false`;

/** A literal coerced to a field's type: a value, null (the literal null), or invalid. */
type Coerced = { ok: true; value: string | number | boolean | null } | { ok: false };

const invalid: Coerced = { ok: false };

/** The local calendar date of a date or instant literal, null when it is neither. */
function localDate(value: string, timeZone: string): string | null {
  if (isIsoDate(value)) return value;
  try {
    return periodKey(value, "day", timeZone);
  } catch {
    return null;
  }
}

function coerce(value: SpecScalar, type: SqlType, timeZone: string): Coerced {
  if (value === null) return { ok: true, value: null };
  switch (type) {
    case "numeric": {
      const n =
        typeof value === "number"
          ? value
          : typeof value === "string" && value.trim() !== ""
            ? Number(value)
            : NaN;
      return Number.isFinite(n) ? { ok: true, value: n } : invalid;
    }
    case "boolean":
      if (typeof value === "boolean") return { ok: true, value };
      return value === "true" || value === "false" ? { ok: true, value: value === "true" } : invalid;
    case "date":
    case "timestamptz": {
      const date = typeof value === "string" ? localDate(value, timeZone) : null;
      return date === null ? invalid : { ok: true, value: date };
    }
    case "text":
    case "jsonb":
      return { ok: true, value: String(value) };
  }
}

/** A parameter cast to a scalar SQL type. */
function param(value: string | number | boolean, type: Exclude<SqlType, "jsonb">): RawBuilder<unknown> {
  switch (type) {
    case "numeric":
      return sql`${value}::numeric`;
    case "boolean":
      return sql`${value}::boolean`;
    case "date":
      return sql`${value}::date`;
    case "timestamptz":
      return sql`${value}::timestamptz`;
    case "text":
      return sql`${value}::text`;
  }
}

/** Reads one field: its typed value, type, and how its day bounds are written. */
class Operand {
  readonly value: RawBuilder<unknown>;
  readonly type: SqlType;
  constructor(
    readonly ref: FieldRef,
    private readonly ctx: FilterContext,
  ) {
    this.value = fieldSql(ref);
    this.type = sqlTypeOf(ref);
  }

  /** The start of local day `date` as this field's type: the date itself, or its first instant. */
  dayStart(date: string): RawBuilder<unknown> {
    return this.type === "date"
      ? sql`${date}::date`
      : sql`${startOfDay(date, this.ctx.timeZone)}::timestamptz`;
  }

  /** The days [from, to) (to exclusive, either open when null). */
  daysBetween(from: string | null, to: string | null): Predicate {
    const parts: Predicate[] = [];
    if (from !== null) parts.push(sql<boolean>`${this.value} >= ${this.dayStart(from)}`);
    if (to !== null) parts.push(sql<boolean>`${this.value} < ${this.dayStart(to)}`);
    return parts.length === 0 ? sql<boolean>`${this.value} is not null` : and(parts);
  }

  /** The value as text for substring matches: as stored for data, dates as local "YYYY-MM-DD". */
  text(): RawBuilder<unknown> {
    if (this.type === "timestamptz")
      return sql`to_char((${this.value}) at time zone ${this.ctx.timeZone}::text, 'YYYY-MM-DD')`;
    if (this.type === "date") return sql`to_char(${this.value}, 'YYYY-MM-DD')`;
    return this.ref.kind === "data" ? dataText(this.ref.key) : sql`(${this.value})::text`;
  }
}

function and(parts: readonly Predicate[]): Predicate {
  return parts.length === 0 ? TRUE : sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

function or(parts: readonly Predicate[]): Predicate {
  return parts.length === 0 ? FALSE : sql<boolean>`(${sql.join(parts, sql` or `)})`;
}

/** `not p`, where an unknown p (null) counts as false, so the negation holds. */
function not(p: Predicate): Predicate {
  return sql<boolean>`(not coalesce(${p}, false))`;
}

function isSet(f: Operand): Predicate {
  switch (f.type) {
    case "text":
      return sql<boolean>`coalesce(${f.value} <> '', false)`;
    case "jsonb":
      return sql<boolean>`coalesce(case coalesce(jsonb_typeof(${f.value}), 'null') when 'array' then jsonb_array_length(${f.value}) > 0 when 'object' then ${f.value} <> '{}'::jsonb when 'string' then ${f.value} <> '""'::jsonb when 'null' then false else true end, false)`;
    default:
      return sql<boolean>`(${f.value} is not null)`;
  }
}

/** The field equals one coerced, non-null value. */
function equals(f: Operand, value: string | number | boolean): Predicate {
  if (f.type === "jsonb") return sql<boolean>`(${f.value} @> ${JSON.stringify([value])}::jsonb)`;
  if (f.ref.kind === "data" && (f.type === "text" || f.type === "numeric" || f.type === "boolean")) {
    // Stored values have their field's JSON type, so containment is equality, and the GIN index on data serves it.
    return sql<boolean>`(r.data @> ${JSON.stringify({ [f.ref.key]: value })}::jsonb)`;
  }
  if (isTemporalType(f.type) && typeof value === "string") return f.daysBetween(value, addDays(value, 1));
  return sql<boolean>`(${f.value} = ${param(value, f.type)})`;
}

function eq(f: Operand, literal: Coerced): Predicate {
  if (!literal.ok) return FALSE;
  return literal.value === null ? not(isSet(f)) : equals(f, literal.value);
}

function compare(f: Operand, op: "gt" | "gte" | "lt" | "lte", literal: Coerced): Predicate {
  if (!literal.ok || literal.value === null || f.type === "jsonb") return FALSE;
  const value = literal.value;
  if (isTemporalType(f.type) && typeof value === "string") {
    if (op === "gt") return f.daysBetween(addDays(value, 1), null);
    if (op === "gte") return f.daysBetween(value, null);
    if (op === "lt") return f.daysBetween(null, value);
    return f.daysBetween(null, addDays(value, 1));
  }
  const operator = { gt: sql`>`, gte: sql`>=`, lt: sql`<`, lte: sql`<=` }[op];
  return sql<boolean>`(${f.value} ${operator} ${param(value, f.type)})`;
}

function inList(f: Operand, literals: readonly Coerced[]): Predicate {
  const parts: Predicate[] = [];
  const values: (string | number | boolean)[] = [];
  for (const literal of literals) {
    if (!literal.ok) continue;
    if (literal.value === null) parts.push(not(isSet(f)));
    else values.push(literal.value);
  }
  if (f.type === "jsonb" || isTemporalType(f.type)) {
    parts.push(...values.map((value) => equals(f, value)));
  } else if (values.length > 0) {
    parts.push(sql<boolean>`(${f.value} = any(${values}::${sql.raw(f.type)}[]))`);
  }
  return or(parts);
}

/** Substring of the stored text (dates as local "YYYY-MM-DD"), or membership for a multi-valued field. */
function contains(f: Operand, value: SpecScalar): Predicate {
  if (value === null) return FALSE;
  if (f.type === "jsonb") return equals(f, value);
  return sql<boolean>`coalesce(strpos(lower(${f.text()}), lower(${String(value)}::text)) > 0, false)`;
}

function between(f: Operand, low: Coerced, high: Coerced): Predicate {
  if (!low.ok || !high.ok || f.type === "jsonb") return FALSE;
  if (isTemporalType(f.type)) {
    const from = typeof low.value === "string" ? low.value : null;
    const to = typeof high.value === "string" ? addDays(high.value, 1) : null;
    return f.daysBetween(from, to);
  }
  const parts: Predicate[] = [sql<boolean>`(${f.value} is not null)`];
  if (low.value !== null) parts.push(sql<boolean>`(${f.value} >= ${param(low.value, f.type)})`);
  if (high.value !== null) parts.push(sql<boolean>`(${f.value} <= ${param(high.value, f.type)})`);
  return and(parts);
}

/** The calendar year a same_year literal names: a year number, or the year of a date. */
function yearOf(value: SpecScalar, timeZone: string): number | null {
  let year: number | null = null;
  if (typeof value === "number") year = value;
  else if (typeof value === "string") {
    const date = /^\d{4}$/.test(value) ? `${value}-01-01` : localDate(value, timeZone);
    year = date === null ? null : Number(date.slice(0, 4));
  }
  return year !== null && Number.isInteger(year) && year >= 1 && year <= 9998 ? year : null;
}

function scalarOf(value: SpecCondition["value"]): SpecScalar {
  return value === undefined || Array.isArray(value) ? null : value;
}

function listOf(value: SpecCondition["value"]): SpecScalar[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** One condition as a SQL predicate on the part's rows. */
export function conditionSql(condition: SpecCondition, ctx: FilterContext): Predicate {
  const f = new Operand(condition.field, ctx);
  const one = (): Coerced => coerce(scalarOf(condition.value), f.type, ctx.timeZone);
  const many = (): Coerced[] => listOf(condition.value).map((v) => coerce(v, f.type, ctx.timeZone));
  switch (condition.op) {
    case "eq":
      return eq(f, one());
    case "ne":
      return not(eq(f, one()));
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return compare(f, condition.op, one());
    case "in":
      return inList(f, many());
    case "not_in":
      return not(inList(f, many()));
    case "contains":
      return contains(f, scalarOf(condition.value));
    case "is_set":
      return isSet(f);
    case "not_set":
      return not(isSet(f));
    case "between": {
      const [low, high] = many();
      return low === undefined || high === undefined ? FALSE : between(f, low, high);
    }
    case "within_last_days": {
      const days = scalarOf(condition.value);
      if (!isTemporalType(f.type) || typeof days !== "number" || !Number.isFinite(days)) return FALSE;
      return f.daysBetween(addDays(ctx.today, -Math.floor(days)), addDays(ctx.today, 1));
    }
    case "same_year": {
      const year = yearOf(scalarOf(condition.value), ctx.timeZone);
      if (!isTemporalType(f.type) || year === null) return FALSE;
      return f.daysBetween(yearStart(year), yearStart(year + 1));
    }
  }
}

/** Every condition of a filter (AND). */
export function filterSql(conditions: readonly SpecCondition[], ctx: FilterContext): Predicate {
  return and(conditions.map((c) => conditionSql(c, ctx)));
}
