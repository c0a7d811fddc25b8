import type { FilterCondition, FilterValue, RecordFilter } from "@stagecraft/schemas";
import { expressionData, type RecordState } from "./record-state.js";
import { civilFromDays, DAY_MS, formatCivil } from "./time/civil-date.js";
import { knownZone } from "./time/zone.js";

/** A filter condition whose values are all literals (no `this`/`today` left): ready for SQL. */
export interface ResolvedCondition {
  field: string;
  op: FilterCondition["op"];
  value?: unknown;
}

/** The calendar date of an instant in a time zone, "YYYY-MM-DD". */
export function dateIn(instant: string, timeZone: string): string {
  const zone = knownZone(timeZone);
  const epochMs = new Date(instant).getTime();
  // The RangeError Intl.DateTimeFormat#format throws for an invalid date.
  if (Number.isNaN(epochMs)) throw new RangeError("Invalid time value");
  return formatCivil(civilFromDays(Math.floor(zone.wallAt(epochMs) / DAY_MS)));
}

function resolveValue(value: FilterValue, data: Readonly<Record<string, unknown>>, today: string): unknown {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    if ("this" in value) return Object.hasOwn(data, value.this) ? data[value.this] : null;
    return today;
  }
  return value;
}

/**
 * Replace `{"this": field}` by the record's value and `{"today": true}` by the date, so the runtime
 * can turn the filter into SQL parameters.
 */
export function resolveFilter(
  filter: RecordFilter,
  record: RecordState | undefined,
  now: string,
  timeZone: string,
): ResolvedCondition[] {
  const data = record ? expressionData(record) : {};
  const today = dateIn(now, timeZone);
  return filter.map((c) => {
    if (c.value === undefined) return { field: c.field, op: c.op };
    const value = Array.isArray(c.value)
      ? c.value.map((v) => resolveValue(v, data, today))
      : resolveValue(c.value, data, today);
    return { field: c.field, op: c.op, value };
  });
}
