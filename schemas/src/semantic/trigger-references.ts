import type { ValidationIssue } from "../ajv.js";
import type { AppDefinition } from "../app.js";
import type { Trigger } from "../rule.js";
import {
  indexApp,
  isDateField,
  requireField,
  requireForm,
  requireStage,
  type AppIndex,
  type FormEntry,
} from "./app-index.js";
import { checkFilter } from "./filter-references.js";
import { issue, pointer } from "./issue.js";
import { checkTimeZone, cronError } from "./schedule.js";

/** Stage and approval triggers need the form's pipeline, and the stage (when named) in it. */
function checkStageTrigger(
  form: FormEntry,
  stage: string | undefined,
  path: string,
  issues: ValidationIssue[],
): void {
  if (stage !== undefined) {
    requireStage(form, stage, pointer(path, "stage"), issues);
  } else if (!form.stages) {
    issues.push(
      issue(pointer(path, "form"), "no_pipeline", `form "${form.form.id}" has no pipeline`, {
        form: form.form.id,
      }),
    );
  }
}

function checkWithForm(trigger: Trigger, form: FormEntry, path: string, issues: ValidationIssue[]): void {
  switch (trigger.type) {
    case "field.changed":
      trigger.fields.forEach((id, i) => {
        requireField(form, id, pointer(path, "fields", i), issues);
      });
      return;
    case "stage.entered":
    case "stage.left":
    case "stage.overdue":
    case "approval.requested":
    case "approval.approved":
    case "approval.rejected":
    case "approval.overdue":
      checkStageTrigger(form, trigger.stage, path, issues);
      return;
    case "date.offset": {
      const at = pointer(path, "field");
      const ref = requireField(form, trigger.field, at, issues);
      if (ref?.kind === "field" && !isDateField(ref.field)) {
        issues.push(
          issue(at, "wrong_field_type", `"${trigger.field}" must be a date or datetime field`, {
            field: trigger.field,
          }),
        );
      }
      return;
    }
    case "record.idle":
      if (trigger.stage !== undefined) requireStage(form, trigger.stage, pointer(path, "stage"), issues);
      return;
    case "schedule":
      checkFilter(trigger.filter, pointer(path, "filter"), form, "none", issues);
      return;
    case "record.created":
    case "record.updated":
    case "webhook":
    case "manual":
      return;
  }
}

function checkTrigger(index: AppIndex, trigger: Trigger, path: string, issues: ValidationIssue[]): void {
  if (trigger.type === "schedule") {
    const error = cronError(trigger.cron);
    if (error !== undefined)
      issues.push(issue(pointer(path, "cron"), "invalid_cron", error, { cron: trigger.cron }));
    checkTimeZone(trigger.timeZone, pointer(path, "timeZone"), issues);
    if (trigger.form === undefined && trigger.filter !== undefined) {
      issues.push(
        issue(pointer(path, "filter"), "missing_property", "a schedule filter needs the schedule's `form`"),
      );
    }
  } else if (trigger.type === "date.offset") {
    checkTimeZone(trigger.timeZone, pointer(path, "timeZone"), issues);
  }
  if (trigger.form === undefined) return;
  const form = requireForm(index, trigger.form, pointer(path, "form"), issues);
  if (form) checkWithForm(trigger, form, path, issues);
}

/** Rule triggers: their form, fields, stages, cron and time zone. */
export function checkTriggerReferences(app: AppDefinition): ValidationIssue[] {
  const index = indexApp(app);
  const issues: ValidationIssue[] = [];
  (app.rules ?? []).forEach((rule, r) => {
    checkTrigger(index, rule.trigger, pointer("/rules", r, "trigger"), issues);
  });
  return issues;
}
