import type { ValidationIssue } from "../ajv.js";
import type { AppDefinition } from "../app.js";
import type { Field, RowField } from "../field.js";
import { compileSafePattern } from "../safe-regex.js";
import { issue, pointer } from "./issue.js";

function checkRange(
  low: number | string | undefined,
  high: number | string | undefined,
  path: string,
  lowKey: string,
  highKey: string,
  issues: ValidationIssue[],
): void {
  // ISO dates compare correctly as strings; numbers as numbers.
  if (low === undefined || high === undefined || low <= high) return;
  issues.push(
    issue(pointer(path, lowKey), "invalid_range", `${lowKey} (${low}) is above ${highKey} (${high})`, {
      [lowKey]: low,
      [highKey]: high,
    }),
  );
}

function checkDefault(field: Field | RowField, path: string, issues: ValidationIssue[]): void {
  if ((field.type !== "select" && field.type !== "multiselect") || field.default === undefined) return;
  const values = new Set(field.options.map((o) => o.value));
  const value = field.default;
  const ok =
    field.type === "select"
      ? typeof value === "string" && values.has(value)
      : Array.isArray(value) && value.every((v) => typeof v === "string" && values.has(v));
  if (!ok) {
    const expected = field.type === "select" ? "one of its option values" : "a list of its option values";
    issues.push(
      issue(pointer(path, "default"), "invalid_default", `the default must be ${expected}`, {
        default: value,
      }),
    );
  }
}

function checkField(field: Field | RowField, path: string, issues: ValidationIssue[]): void {
  checkDefault(field, path, issues);
  switch (field.type) {
    case "text": {
      checkRange(field.minLength, field.maxLength, path, "minLength", "maxLength", issues);
      if (field.pattern === undefined) return;
      const compiled = compileSafePattern(field.pattern);
      if ("error" in compiled) {
        issues.push(
          issue(pointer(path, "pattern"), "invalid_pattern", `not a valid RE2 pattern: ${compiled.error}`, {
            pattern: field.pattern,
          }),
        );
      }
      return;
    }
    case "textarea":
      checkRange(field.minLength, field.maxLength, path, "minLength", "maxLength", issues);
      return;
    case "number":
    case "money":
    case "percent":
    case "date":
      checkRange(field.min, field.max, path, "min", "max", issues);
      return;
    case "multiselect":
      checkRange(field.minSelected, field.maxSelected, path, "minSelected", "maxSelected", issues);
      return;
    case "subform":
      checkRange(field.minRows, field.maxRows, path, "minRows", "maxRows", issues);
      field.fields.forEach((row, i) => {
        checkField(row, pointer(path, "fields", i), issues);
      });
      return;
    default:
      return;
  }
}

/** Field options that must agree: defaults among the options, min ≤ max, valid RE2 patterns. */
export function checkFieldOptions(app: AppDefinition): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  app.forms.forEach((form, f) => {
    form.fields.forEach((field, i) => {
      checkField(field, pointer("/forms", f, "fields", i), issues);
    });
  });
  return issues;
}
