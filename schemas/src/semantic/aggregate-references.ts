import type { ValidationIssue } from "../ajv.js";
import type { AppDefinition } from "../app.js";
import type { Aggregate } from "../form.js";
import {
  DATE_SYSTEM_FIELDS,
  indexApp,
  isDateField,
  isNumericField,
  requireField,
  requireForm,
  type AppIndex,
  type FieldRef,
  type FormEntry,
} from "./app-index.js";
import { checkFilter } from "./filter-references.js";
import { issue, pointer } from "./issue.js";

type Rollup = Extract<Aggregate, { type: "rollup" }>;

function fits(ref: FieldRef, measure: Rollup["measure"]): boolean {
  const numeric = ref.kind === "field" && isNumericField(ref.field);
  if (measure !== "min" && measure !== "max") return numeric;
  // The earliest or latest date is a meaningful min/max too.
  return numeric || (ref.kind === "field" ? isDateField(ref.field) : DATE_SYSTEM_FIELDS.has(ref.id));
}

function checkRollup(agg: Rollup, path: string, source: FormEntry, issues: ValidationIssue[]): void {
  if (agg.measure === "percentile" && agg.percentile === undefined) {
    issues.push(
      issue(pointer(path, "percentile"), "missing_property", "a percentile aggregate needs `percentile`"),
    );
  }
  if (agg.field === undefined) {
    if (agg.measure !== "count") {
      issues.push(
        issue(pointer(path, "field"), "missing_property", `a ${agg.measure} aggregate needs \`field\``),
      );
    }
    return;
  }
  const ref = requireField(source, agg.field, pointer(path, "field"), issues, true);
  if (ref && agg.measure !== "count" && !fits(ref, agg.measure)) {
    issues.push(
      issue(
        pointer(path, "field"),
        "wrong_field_type",
        `${agg.measure} needs a numeric field, "${agg.field}" is not`,
        {
          field: agg.field,
        },
      ),
    );
  }
}

function checkDateField(source: FormEntry, id: string, path: string, issues: ValidationIssue[]): void {
  const ref = requireField(source, id, path, issues);
  if (ref?.kind === "field" && !isDateField(ref.field)) {
    issues.push(issue(path, "wrong_field_type", `"${id}" must be a date or datetime field`, { field: id }));
  }
}

function checkAggregate(
  index: AppIndex,
  owner: FormEntry,
  agg: Aggregate,
  path: string,
  issues: ValidationIssue[],
): void {
  const source = requireForm(index, agg.form, pointer(path, "form"), issues);
  if (!source) return;
  if (agg.type === "rollup") {
    checkRollup(agg, path, source, issues);
  } else {
    checkDateField(source, agg.from, pointer(path, "from"), issues);
    if (agg.to !== undefined) checkDateField(source, agg.to, pointer(path, "to"), issues);
  }
  checkFilter(agg.filter, pointer(path, "filter"), source, owner, issues);
}

/** Cross-form aggregates: their form, measured field, date range fields and filter. */
export function checkAggregateReferences(app: AppDefinition): ValidationIssue[] {
  const index = indexApp(app);
  const issues: ValidationIssue[] = [];
  for (const owner of index.formList) {
    (owner.form.aggregates ?? []).forEach((agg, a) => {
      checkAggregate(index, owner, agg, pointer(owner.path, "aggregates", a), issues);
    });
  }
  return issues;
}
