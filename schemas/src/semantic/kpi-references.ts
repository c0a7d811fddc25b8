import type { ValidationIssue } from "../ajv.js";
import type { AppDefinition } from "../app.js";
import type { Goal, Kpi, Measure, Moment, RatioPart, SimpleMeasure } from "../kpi.js";
import {
  DATE_SYSTEM_FIELDS,
  indexApp,
  isDateField,
  isNumericField,
  requireField,
  requireForm,
  requirePipeline,
  requireStage,
  type AppIndex,
  type FormEntry,
} from "./app-index.js";
import { checkFilter } from "./filter-references.js";
import { issue, pointer } from "./issue.js";

/** sum/avg/min/max read a numeric field (system columns hold ids and instants, never numbers). */
function checkNumericMeasure(
  form: FormEntry,
  measure: SimpleMeasure,
  path: string,
  issues: ValidationIssue[],
): void {
  if (measure.type === "count") return;
  const at = pointer(path, "field");
  const ref = requireField(form, measure.field, at, issues, true);
  if (ref && !(ref.kind === "field" && isNumericField(ref.field))) {
    issues.push(
      issue(at, "wrong_field_type", `${measure.type} needs a numeric field, "${measure.field}" is not`, {
        field: measure.field,
      }),
    );
  }
}

/** A field that places records in time: a date field or a date system column. */
export function checkPeriodField(form: FormEntry, id: string, path: string, issues: ValidationIssue[]): void {
  const ref = requireField(form, id, path, issues, true);
  if (!ref) return;
  const isDate = ref.kind === "field" ? isDateField(ref.field) : DATE_SYSTEM_FIELDS.has(ref.id);
  if (!isDate)
    issues.push(
      issue(path, "wrong_field_type", `"${id}" must be a date field or a date column`, { field: id }),
    );
}

function checkRatioPart(
  index: AppIndex,
  kpiForm: FormEntry | undefined,
  part: RatioPart,
  path: string,
  issues: ValidationIssue[],
): void {
  const form =
    part.form === undefined ? kpiForm : requireForm(index, part.form, pointer(path, "form"), issues);
  if (!form) return;
  checkNumericMeasure(form, part.measure, pointer(path, "measure"), issues);
  checkFilter(part.filter, pointer(path, "filter"), form, "none", issues);
  if (part.periodField !== undefined)
    checkPeriodField(form, part.periodField, pointer(path, "periodField"), issues);
  if (part.groupField !== undefined)
    requireField(form, part.groupField, pointer(path, "groupField"), issues, true);
}

function checkMoment(form: FormEntry, moment: Moment, path: string, issues: ValidationIssue[]): void {
  if (moment.type === "field") {
    const at = pointer(path, "field");
    const ref = requireField(form, moment.field, at, issues);
    if (ref?.kind === "field" && !isDateField(ref.field)) {
      issues.push(
        issue(at, "wrong_field_type", `"${moment.field}" must be a date or datetime field`, {
          field: moment.field,
        }),
      );
    }
  } else if (moment.type === "stage_entered") {
    requireStage(form, moment.stage, pointer(path, "stage"), issues);
  }
}

function checkMeasure(
  index: AppIndex,
  form: FormEntry | undefined,
  measure: Measure,
  path: string,
  issues: ValidationIssue[],
): void {
  if (measure.type === "ratio") {
    checkRatioPart(index, form, measure.numerator, pointer(path, "numerator"), issues);
    checkRatioPart(index, form, measure.denominator, pointer(path, "denominator"), issues);
    return;
  }
  if (!form) return;
  switch (measure.type) {
    case "count":
    case "sum":
    case "avg":
    case "min":
    case "max":
      checkNumericMeasure(form, measure, path, issues);
      return;
    case "duration":
      checkMoment(form, measure.from, pointer(path, "from"), issues);
      checkMoment(form, measure.to, pointer(path, "to"), issues);
      return;
    case "stage_conversion":
      requireStage(form, measure.from, pointer(path, "from"), issues);
      requireStage(form, measure.to, pointer(path, "to"), issues);
      return;
    case "time_in_stage":
      if (measure.stage === undefined) requirePipeline(form, path, issues);
      else requireStage(form, measure.stage, pointer(path, "stage"), issues);
      return;
  }
}

function checkGoal(index: AppIndex, goal: Goal, path: string, issues: ValidationIssue[]): void {
  if (goal.type !== "records") return;
  const form = requireForm(index, goal.form, pointer(path, "form"), issues);
  if (!form) return;
  const at = pointer(path, "field");
  const ref = requireField(form, goal.field, at, issues);
  if (ref?.kind === "field" && !isNumericField(ref.field)) {
    issues.push(
      issue(at, "wrong_field_type", `the goal value "${goal.field}" must be a numeric field`, {
        field: goal.field,
      }),
    );
  }
  checkPeriodField(form, goal.from, pointer(path, "from"), issues);
  if (goal.to !== undefined) checkPeriodField(form, goal.to, pointer(path, "to"), issues);
  if (goal.groupField !== undefined)
    requireField(form, goal.groupField, pointer(path, "groupField"), issues, true);
  checkFilter(goal.filter, pointer(path, "filter"), form, "none", issues);
}

function checkKpi(index: AppIndex, kpi: Kpi, path: string, issues: ValidationIssue[]): void {
  const form = requireForm(index, kpi.form, pointer(path, "form"), issues);
  checkMeasure(index, form, kpi.measure, pointer(path, "measure"), issues);
  if (kpi.goal) checkGoal(index, kpi.goal, pointer(path, "goal"), issues);
  if (!form) return;
  checkFilter(kpi.filter, pointer(path, "filter"), form, "none", issues);
  if (kpi.periodField !== undefined)
    checkPeriodField(form, kpi.periodField, pointer(path, "periodField"), issues);
  (kpi.groupBy ?? []).forEach((id, i) => {
    requireField(form, id, pointer(path, "groupBy", i), issues, true);
  });
}

/** KPIs: their form, measured fields and stages, filters, grouping and goal records. */
export function checkKpiReferences(app: AppDefinition): ValidationIssue[] {
  const index = indexApp(app);
  const issues: ValidationIssue[] = [];
  (app.kpis ?? []).forEach((kpi, k) => {
    checkKpi(index, kpi, pointer("/kpis", k), issues);
  });
  return issues;
}
