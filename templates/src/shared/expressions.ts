import type { Expression } from "@stagecraft/schemas";

/** Small builders for the JSON Logic expressions templates write again and again. */

/** Read a field (or a system column such as `_id`, `_stage`) of the current record. */
export function v(path: string): Expression {
  return { var: path };
}

/** Read a cross-form aggregate the form declares. */
export function agg(id: string): Expression {
  return { aggregate: id };
}

/** The value, or 0 when it is empty: arithmetic on an empty field would give NaN. */
export function or0(value: Expression): Expression {
  return { coalesce: [value, 0] };
}

/** Today's date in the app's time zone ("YYYY-MM-DD"). */
export function today(): Expression {
  return { today: [] };
}

/** `a == b` with strict equality (option values, numbers). */
export function eq(a: Expression, b: Expression): Expression {
  return { "===": [a, b] };
}

/** Whether a field holds a value ("" and null are empty). */
export function isSet(path: string): Expression {
  return { "!!": [v(path)] };
}

/** Every condition holds. */
export function all(...conditions: Expression[]): Expression {
  return { and: conditions };
}

/** Round to `digits` decimals (half away from zero). */
export function round(value: Expression, digits = 0): Expression {
  return { round: [value, digits] };
}

/** A date-only value joined to a wall time in China Standard Time, for datetime fields. */
export function atTime(date: Expression, time: string): Expression {
  return { cat: [date, `T${time}:00+08:00`] };
}
