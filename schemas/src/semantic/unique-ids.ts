import type { ValidationIssue } from "../ajv.js";
import type { AppDefinition } from "../app.js";
import type { Field, RowField } from "../field.js";
import { issue, pointer } from "./issue.js";

/**
 * Report every id after the first that repeats in `items`; `key` reads the id (option values are
 * not called `id`), and the path points at that key of the repeating item.
 */
function duplicates<T>(
  items: readonly T[],
  base: string,
  scope: string,
  issues: ValidationIssue[],
  key: "id" | "value",
  read: (item: T) => string,
): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const id = read(item);
    if (seen.has(id)) {
      issues.push(
        issue(pointer(base, i, key), "duplicate_id", `${scope} id "${id}" is used twice`, { scope, id }),
      );
    }
    seen.add(id);
  });
}

function byId(
  items: readonly { id: string }[] | undefined,
  base: string,
  scope: string,
  issues: ValidationIssue[],
): void {
  duplicates(items ?? [], base, scope, issues, "id", (item) => item.id);
}

function fieldOptions(fields: readonly (Field | RowField)[], base: string, issues: ValidationIssue[]): void {
  fields.forEach((field, i) => {
    const path = pointer(base, i);
    if (field.type === "select" || field.type === "multiselect") {
      duplicates(field.options, pointer(path, "options"), "option", issues, "value", (o) => o.value);
    } else if (field.type === "subform") {
      byId(field.fields, pointer(path, "fields"), "field", issues);
      fieldOptions(field.fields, pointer(path, "fields"), issues);
    }
  });
}

/** Ids that must be unique in their scope: forms, fields, options, stages, rules, KPIs, … */
export function checkUniqueIds(app: AppDefinition): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  byId(app.forms, "/forms", "form", issues);
  app.forms.forEach((form, f) => {
    const path = pointer("/forms", f);
    byId(form.fields, pointer(path, "fields"), "field", issues);
    fieldOptions(form.fields, pointer(path, "fields"), issues);
    byId(form.aggregates, pointer(path, "aggregates"), "aggregate", issues);
    if (!form.pipeline) return;
    byId(form.pipeline.stages, pointer(path, "pipeline", "stages"), "stage", issues);
    form.pipeline.stages.forEach((stage, s) => {
      if (stage.approval) {
        byId(
          stage.approval.steps,
          pointer(path, "pipeline", "stages", s, "approval", "steps"),
          "approval_step",
          issues,
        );
      }
    });
  });
  byId(app.rules, "/rules", "rule", issues);
  byId(app.kpis, "/kpis", "kpi", issues);
  byId(app.dashboards, "/dashboards", "dashboard", issues);
  (app.dashboards ?? []).forEach((dashboard, d) => {
    byId(dashboard.widgets, pointer("/dashboards", d, "widgets"), "widget", issues);
  });
  byId(app.calendars, "/calendars", "calendar", issues);
  return issues;
}
