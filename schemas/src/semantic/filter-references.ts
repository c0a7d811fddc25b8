import type { ValidationIssue } from "../ajv.js";
import type { FilterValue, RecordFilter } from "../record-filter.js";
import { requireField, type FormEntry } from "./app-index.js";
import { issue, pointer } from "./issue.js";

/**
 * The record a filter is evaluated for: a form's record, none (KPIs, widgets, formless
 * schedules), or a record of a form that does not exist (already reported elsewhere).
 */
export type CurrentRecord = FormEntry | "none" | "unknown";

function checkValue(
  value: FilterValue,
  path: string,
  current: CurrentRecord,
  issues: ValidationIssue[],
): void {
  if (typeof value !== "object" || value === null || !("this" in value)) return;
  const at = pointer(path, "this");
  if (current === "none") {
    issues.push(
      issue(at, "no_current_record", `{"this": "${value.this}"} reads a record, but there is none here`),
    );
  } else if (current !== "unknown") {
    requireField(current, value.this, at, issues, true);
  }
}

/**
 * Check a record filter: condition fields name fields of `target` (the filtered form) or system
 * columns; `{"this": f}` values name fields of `current`, the record the filter is evaluated for.
 */
export function checkFilter(
  filter: RecordFilter | undefined,
  path: string,
  target: FormEntry,
  current: CurrentRecord,
  issues: ValidationIssue[],
): void {
  (filter ?? []).forEach((condition, i) => {
    const at = pointer(path, i);
    requireField(target, condition.field, pointer(at, "field"), issues, true);
    const value = condition.value;
    if (Array.isArray(value)) {
      value.forEach((v, j) => {
        checkValue(v, pointer(at, "value", j), current, issues);
      });
    } else if (value !== undefined) {
      checkValue(value, pointer(at, "value"), current, issues);
    }
  });
}
