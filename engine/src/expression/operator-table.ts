/**
 * Handlers of the closed operator whitelist (EXPRESSION_OPERATORS of @stagecraft/schemas, which the
 * definition validator checks too). Standard JSON Logic (jsonlogic.com semantics): var, missing,
 * missing_some, if, ?:, and, or, !, !!, ==, ===, !=, !==, >, >=, <, <=, +, -, *, /, %, min, max,
 * cat, substr, in, map, filter, reduce, all, none, some, merge. Refused: log, method (see
 * UNSUPPORTED_OPERATORS). Where JSON Logic would crash or silently accept a mistake, we differ:
 * an object must have exactly one key (an operator), arities are checked at compile time (and
 * and or need one argument, ?: exactly three), var reads own properties of plain objects and
 * arrays only (strings are not containers; an array's "length" is readable), all/some/none treat
 * a non-array as empty, and missing_some never evaluates its data as logic.
 *
 * Extras (dates are "YYYY-MM-DD" or ISO instants; invalid or missing input gives null; numbers
 * are never NaN or Infinity, null instead; a row expression runs once per row, the row as data):
 *
 * | name          | args                     | result                                             |
 * |---------------|--------------------------|----------------------------------------------------|
 * | today         | []                       | ctx.now's date in ctx.timeZone, "YYYY-MM-DD"       |
 * | days_since    | [date]                   | whole days from date to today                      |
 * | days_between  | [a, b]                   | whole days b − a                                   |
 * | add_days      | [date, n]                | "YYYY-MM-DD"; n truncated to whole days            |
 * | year, month   | [date]                   | number                                             |
 * | period        | [date, unit]             | day 2026-11-23, week 2026-W48 (ISO week), month    |
 * |               |                          | 2026-11, quarter 2026-Q4, year 2026                |
 * | elapsed_ratio | [start, end]             | 0..1 of [start, end] elapsed at ctx.now, clamped;  |
 * |               |                          | a date-only end includes its whole day             |
 * | sum_of        | [rows, expr]             | sum of the numeric values (0 when none)            |
 * | avg_of        | [rows, expr]             | average of the numeric values, null when none      |
 * | min_of/max_of | [rows, expr]             | least/greatest numeric value, null when none       |
 * | count_where   | [rows, condition?]       | rows where condition is truthy (all without it)    |
 * | count         | [array]                  | length, 0 for a non-array                          |
 * | round         | [x, digits?]             | half away from zero at digits (default 0)          |
 * | abs           | [x]                      | absolute value                                     |
 * | div           | [a, b]                   | a ÷ b; null when b is 0 or either is not numeric   |
 * | coalesce      | [a, b, …]                | first value that is not null                       |
 * | case          | [v, k1, r1, …, default?] | r of the first k === v, else default or null       |
 * | aggregate     | "id" or ["id"], literal  | ctx.aggregates[id] (own property), null if absent  |
 */
import {
  EXPRESSION_OPERATORS,
  UNSUPPORTED_OPERATORS as UNSUPPORTED_OPERATOR_REASONS,
  type ExpressionOperator,
} from "@stagecraft/schemas";
import { AGGREGATE_OPERATOR } from "./aggregate-operator.js";
import { ARITHMETIC_OPERATORS } from "./arithmetic-operators.js";
import { ARRAY_OPERATORS } from "./array-operators.js";
import { CHOICE_OPERATORS } from "./choice-operators.js";
import { COMPARISON_OPERATORS } from "./comparison-operators.js";
import { DATA_OPERATORS } from "./data-operators.js";
import { DATE_OPERATORS } from "./date-operators.js";
import { LOGIC_OPERATORS } from "./logic-operators.js";
import { NUMBER_OPERATORS } from "./number-operators.js";
import type { OperatorDefinition } from "./operator-definition.js";
import { ROW_OPERATORS } from "./row-operators.js";
import { STRING_OPERATORS } from "./string-operators.js";

/** Every operator the interpreter runs: the whitelist of @stagecraft/schemas. */
export type OperatorName = ExpressionOperator;

/**
 * The handler table. Typed by the schemas whitelist, so a listed operator without a handler is a
 * type error here, and a handler for an unlisted one is a type error in its OperatorGroup.
 */
export const OPERATORS: Readonly<Record<OperatorName, OperatorDefinition>> = {
  ...DATA_OPERATORS,
  ...LOGIC_OPERATORS,
  ...COMPARISON_OPERATORS,
  ...ARITHMETIC_OPERATORS,
  ...STRING_OPERATORS,
  ...ARRAY_OPERATORS,
  ...DATE_OPERATORS,
  ...ROW_OPERATORS,
  ...NUMBER_OPERATORS,
  ...CHOICE_OPERATORS,
  ...AGGREGATE_OPERATOR,
};

/** Lookup by a name taken from user input (a Map, so "__proto__" or "toString" find nothing). */
export const OPERATOR_LOOKUP: ReadonlyMap<string, OperatorDefinition> = new Map(
  EXPRESSION_OPERATORS.map((name) => [name, OPERATORS[name]]),
);

/** The names of the supported operators (the schemas whitelist). */
export const SUPPORTED_OPERATORS: ReadonlySet<string> = new Set(EXPRESSION_OPERATORS);

/** Standard JSON Logic operators refused on purpose, with the reason (they fail EXPR_UNKNOWN_OPERATOR). */
export const UNSUPPORTED_OPERATORS: ReadonlyMap<string, string> = new Map(
  Object.entries(UNSUPPORTED_OPERATOR_REASONS),
);
