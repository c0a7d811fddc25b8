import { Type, type Static } from "@sinclair/typebox";
import { IdSchema, Strict } from "./common.js";

/**
 * System columns every record has; filters, groupings and expressions can name them.
 * In expressions they are read as `{"var": "_stage"}` etc. (field ids never start with `_`).
 */
export const SYSTEM_FIELDS = [
  "_id",
  "_stage",
  "_owner",
  "_created_at",
  "_updated_at",
  "_stage_entered_at",
  "_closed_at",
] as const;
export type SystemField = (typeof SYSTEM_FIELDS)[number];

/** A field id of the filtered form or a system column. */
export const FilterFieldSchema = Type.Union([IdSchema, ...SYSTEM_FIELDS.map((f) => Type.Literal(f))]);

/** A literal, or a value taken from the record the filter is evaluated for ("this"). */
export const FilterValueSchema = Type.Union([
  Type.Unsafe<string | number | boolean | null>({ type: ["string", "number", "boolean", "null"] }),
  Strict({ this: FilterFieldSchema }, { description: "the value of a field of the current record" }),
  Strict({ today: Type.Literal(true) }, { description: "the current date" }),
]);
export type FilterValue = Static<typeof FilterValueSchema>;

/** Operators of structured filters: each has a direct SQL translation. */
export const FILTER_OPERATORS = [
  "eq",
  "ne",
  "gt",
  "gte",
  "lt",
  "lte",
  "in",
  "not_in",
  "contains",
  "is_set",
  "not_set",
  "within_last_days",
  "between",
  "same_year",
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/**
 * One condition on records of a form. Structured (not JSON Logic) because the runtime turns it
 * into one SQL query: KPI filters, cross-form aggregates, update_records targets.
 */
export const FilterConditionSchema = Strict({
  field: FilterFieldSchema,
  op: Type.Union(FILTER_OPERATORS.map((o) => Type.Literal(o))),
  value: Type.Optional(Type.Union([FilterValueSchema, Type.Array(FilterValueSchema, { maxItems: 500 })])),
});
export type FilterCondition = Static<typeof FilterConditionSchema>;

/** All conditions must hold (AND). */
export const RecordFilterSchema = Type.Array(FilterConditionSchema, { maxItems: 50 });
export type RecordFilter = Static<typeof RecordFilterSchema>;
