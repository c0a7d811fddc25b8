import type { ValidationIssue } from "../ajv.js";
import type { AppDefinition } from "../app.js";
import type { Action, Recipient } from "../rule.js";
import {
  indexApp,
  isWritableField,
  requireField,
  requireForm,
  requireStage,
  type AppIndex,
  type FieldRef,
  type FormEntry,
} from "./app-index.js";
import { checkFilter, type CurrentRecord } from "./filter-references.js";
import { issue, pointer } from "./issue.js";

type UpdateRecords = Extract<Action, { type: "update_records" }>;
type CreateRecord = Extract<Action, { type: "create_record" }>;

/** Report `no_current_record` when the trigger has no record; true when `current` is a form. */
function needsRecord(
  current: CurrentRecord,
  path: string,
  what: string,
  issues: ValidationIssue[],
): current is FormEntry {
  if (current === "none") {
    issues.push(
      issue(path, "no_current_record", `${what} needs the trigger's record, but the trigger has no form`),
    );
  }
  return typeof current === "object";
}

/** A field an action writes: it must exist and take input. */
function writableField(
  form: FormEntry,
  id: string,
  path: string,
  issues: ValidationIssue[],
): FieldRef | undefined {
  const ref = requireField(form, id, path, issues);
  if (ref?.kind === "field" && !isWritableField(ref.field)) {
    issues.push(
      issue(path, "field_not_writable", `"${id}" is a ${ref.field.type} field and cannot be set`, {
        field: id,
      }),
    );
    return undefined;
  }
  return ref;
}

/** A reference field of `holder` that must point to form `target`. */
function referenceTo(
  holder: FormEntry,
  id: string,
  target: string,
  path: string,
  issues: ValidationIssue[],
): void {
  const ref = requireField(holder, id, path, issues);
  if (ref?.kind !== "field") return;
  if (ref.field.type !== "reference") {
    issues.push(issue(path, "wrong_field_type", `"${id}" must be a reference field`, { field: id }));
  } else if (ref.field.form !== target) {
    issues.push(
      issue(
        path,
        "reference_target_mismatch",
        `"${id}" points to form "${ref.field.form}", not "${target}"`,
        {
          field: id,
          expected: target,
          actual: ref.field.form,
        },
      ),
    );
  }
}

function checkValues(
  values: Readonly<Record<string, unknown>> | undefined,
  form: FormEntry,
  path: string,
  issues: ValidationIssue[],
): string[] {
  const ok: string[] = [];
  for (const key of Object.keys(values ?? {})) {
    if (writableField(form, key, pointer(path, key), issues)) ok.push(key);
  }
  return ok;
}

function checkCreateRecord(
  index: AppIndex,
  action: CreateRecord,
  current: CurrentRecord,
  path: string,
  issues: ValidationIssue[],
): void {
  const target = requireForm(index, action.form, pointer(path, "form"), issues);
  if (!target) return;
  checkValues(action.data, target, pointer(path, "data"), issues);
  if (action.linkField === undefined) return;
  const at = pointer(path, "linkField");
  if (needsRecord(current, at, "linkField", issues))
    referenceTo(target, action.linkField, current.form.id, at, issues);
}

function checkUpdateRecords(
  index: AppIndex,
  action: UpdateRecords,
  current: CurrentRecord,
  path: string,
  issues: ValidationIssue[],
): void {
  const target = requireForm(index, action.form, pointer(path, "form"), issues);
  if (!target) return;
  const at = pointer(path, "target");
  const how = action.target;
  if (how.type === "filter") {
    checkFilter(how.filter, pointer(at, "filter"), target, current, issues);
  } else if (needsRecord(current, at, `a "${how.type}" target`, issues)) {
    if (how.type === "reference")
      referenceTo(current, how.field, target.form.id, pointer(at, "field"), issues);
    else referenceTo(target, how.field, current.form.id, pointer(at, "field"), issues);
  }
  checkValues(action.set, target, pointer(path, "set"), issues);
  for (const key of checkValues(action.increment, target, pointer(path, "increment"), issues)) {
    const type = target.fields.get(key)?.field.type;
    if (type !== "number" && type !== "money" && type !== "percent") {
      issues.push(
        issue(
          pointer(path, "increment", key),
          "wrong_field_type",
          `"${key}" must be a number, money or percent field to increment`,
          {
            field: key,
          },
        ),
      );
    }
  }
}

function checkRecipient(
  recipient: Recipient,
  current: CurrentRecord,
  path: string,
  issues: ValidationIssue[],
): void {
  if (recipient.type === "owner") {
    needsRecord(current, path, "the owner recipient", issues);
  } else if (recipient.type === "field" && needsRecord(current, path, "a field recipient", issues)) {
    const at = pointer(path, "field");
    const ref = requireField(current, recipient.field, at, issues);
    if (ref?.kind === "field" && ref.field.type !== "user") {
      issues.push(
        issue(at, "wrong_field_type", `"${recipient.field}" must be a user field`, {
          field: recipient.field,
        }),
      );
    }
  }
}

function checkAction(
  index: AppIndex,
  action: Action,
  current: CurrentRecord,
  path: string,
  issues: ValidationIssue[],
): void {
  switch (action.type) {
    case "set_field":
      if (needsRecord(current, path, "set_field", issues))
        writableField(current, action.field, pointer(path, "field"), issues);
      return;
    case "create_record":
      checkCreateRecord(index, action, current, path, issues);
      return;
    case "update_records":
      checkUpdateRecords(index, action, current, path, issues);
      return;
    case "assign_owner":
      if (needsRecord(current, path, "assign_owner", issues) && action.strategy.type === "by_field") {
        requireField(current, action.strategy.field, pointer(path, "strategy", "field"), issues);
      }
      return;
    case "notify":
      action.to.forEach((recipient, i) => {
        checkRecipient(recipient, current, pointer(path, "to", i), issues);
      });
      return;
    case "move_stage":
      if (needsRecord(current, path, "move_stage", issues))
        requireStage(current, action.to, pointer(path, "to"), issues);
      return;
    case "webhook":
    case "wait":
      return;
  }
}

/** The record a rule's actions run on: the trigger's form, none, or a missing form. */
export function currentRecord(index: AppIndex, form: string | undefined): CurrentRecord {
  if (form === undefined) return "none";
  return index.forms.get(form) ?? "unknown";
}

/** Rule actions: the forms, fields, stages and reference paths they name. */
export function checkActionReferences(app: AppDefinition): ValidationIssue[] {
  const index = indexApp(app);
  const issues: ValidationIssue[] = [];
  (app.rules ?? []).forEach((rule, r) => {
    const current = currentRecord(index, rule.trigger.form);
    rule.actions.forEach((action, a) => {
      checkAction(index, action, current, pointer("/rules", r, "actions", a), issues);
    });
  });
  return issues;
}
