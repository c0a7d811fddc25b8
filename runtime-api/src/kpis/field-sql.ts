/**
 * FieldRefs of a KPI spec read in SQL. The source rows are `r` (records) and, for stage-log parts,
 * `l` (stage_log). Data keys only ever reach SQL as parameters (`r.data ->> $1`).
 */
import type { FieldRef } from "@stagecraft/engine";
import { sql, type RawBuilder } from "kysely";

/** The SQL type a FieldRef reads as. */
export type SqlType = "text" | "numeric" | "boolean" | "date" | "timestamptz" | "jsonb";

/** The SQL type of a field reference (see the spec contract: how each kind is read). */
export function sqlTypeOf(ref: FieldRef): SqlType {
  switch (ref.kind) {
    case "system":
      return ref.column === "id" || ref.column === "stage" || ref.column === "owner_id"
        ? "text"
        : "timestamptz";
    case "log":
      return ref.column === "stage" ? "text" : "timestamptz";
    case "data":
      switch (ref.valueType) {
        case "number":
          return "numeric";
        case "text":
          return "text";
        case "date":
          return "date";
        case "datetime":
          return "timestamptz";
        case "boolean":
          return "boolean";
        case "array":
        case "object":
          return "jsonb";
      }
  }
}

/** True when the reference reads a date or a timestamp. */
export function isTemporalType(type: SqlType): type is "date" | "timestamptz" {
  return type === "date" || type === "timestamptz";
}

// A real calendar date "YYYY-MM-DD" (month lengths, leap years, no year 0): only those are cast, so
// "2026-02-30" reads as null instead of failing the query (or a rollup trigger, a record write).
const DAY =
  "(?!0000)(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))" +
  "|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)";
const DATE_PATTERN = `^${DAY}$`;
// An ISO date-time on such a day: hours, minutes, optional seconds and fraction, optional offset.
const DATETIME_PATTERN = `^${DAY}[Tt ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]+)?)?(?:[Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?$`;

/** The raw text of a data key (`data ->> key`), before any cast. */
export function dataText(key: string): RawBuilder<string | null> {
  return sql<string | null>`(r.data ->> ${key}::text)`;
}

/**
 * The value of a field reference, typed per sqlTypeOf. Data values of the wrong JSON type (or text
 * that is no date) read as null instead of failing the whole query on one bad row.
 */
export function fieldSql(ref: FieldRef): RawBuilder<unknown> {
  switch (ref.kind) {
    case "system":
      return sql.ref(`r.${ref.column}`);
    case "log":
      return sql.ref(`l.${ref.column}`);
    case "data": {
      const key = ref.key;
      switch (ref.valueType) {
        case "number":
          return sql`(case when jsonb_typeof(r.data -> ${key}::text) = 'number' then (r.data ->> ${key}::text)::numeric end)`;
        case "boolean":
          return sql`(case when jsonb_typeof(r.data -> ${key}::text) = 'boolean' then (r.data ->> ${key}::text)::boolean end)`;
        case "date":
          return sql`(case when (r.data ->> ${key}::text) ~ ${sql.lit(DATE_PATTERN)} then (r.data ->> ${key}::text)::date end)`;
        case "datetime":
          return sql`(case when (r.data ->> ${key}::text) ~ ${sql.lit(DATETIME_PATTERN)} then (r.data ->> ${key}::text)::timestamptz end)`;
        case "text":
          return dataText(key);
        case "array":
        case "object":
          return sql`(r.data -> ${key}::text)`;
      }
    }
  }
}

/** The local calendar date of a temporal reference in `timeZone` (a date reads as itself). */
export function localDateSql(ref: FieldRef, timeZone: string): RawBuilder<unknown> {
  const value = fieldSql(ref);
  return sqlTypeOf(ref) === "date" ? value : sql`((${value}) at time zone ${timeZone}::text)::date`;
}

/** The instant a temporal reference stands for: a date is its local midnight in `timeZone`. */
export function instantSql(ref: FieldRef, timeZone: string): RawBuilder<unknown> {
  const value = fieldSql(ref);
  return sqlTypeOf(ref) === "date" ? sql`((${value})::timestamp at time zone ${timeZone}::text)` : value;
}

/**
 * A grouping key as text (see the spec contract): ids, options, numbers and booleans as stored,
 * dates "YYYY-MM-DD" (timestamps by their local date), "" when null.
 */
export function groupKeySql(ref: FieldRef, timeZone: string): RawBuilder<string> {
  const type = sqlTypeOf(ref);
  let text: RawBuilder<unknown>;
  if (type === "timestamptz")
    text = sql`to_char((${fieldSql(ref)}) at time zone ${timeZone}::text, 'YYYY-MM-DD')`;
  else if (ref.kind === "data") text = type === "jsonb" ? sql`(${fieldSql(ref)})::text` : dataText(ref.key);
  else text = fieldSql(ref);
  return sql<string>`coalesce(${text}, '')`;
}
