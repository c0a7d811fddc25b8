import type { FilterCondition, FilterOperator, FilterValue } from "@stagecraft/schemas";

/** One condition of a record filter. */
export function where(
  field: string,
  op: FilterOperator,
  value?: FilterValue | FilterValue[],
): FilterCondition {
  return value === undefined ? { field, op } : { field, op, value };
}

/** A filter value read from the record the filter is evaluated for. */
export function thisValue(field: string): FilterValue {
  return { this: field };
}

/** The current date as a filter value. */
export function todayValue(): FilterValue {
  return { today: true };
}
