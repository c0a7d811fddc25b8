import type {
  Action,
  ActionType,
  AppDefinition,
  Field,
  Form,
  Rule,
  Trigger,
  TriggerType,
} from "@stagecraft/schemas";
import { freshId } from "../store/definition-ops.js";
import { DATE_TYPES } from "../form/field-types.js";

/** Every trigger type of the schemas, in menu order. */
export const TRIGGER_TYPES: readonly TriggerType[] = [
  "record.created",
  "record.updated",
  "field.changed",
  "stage.entered",
  "stage.left",
  "stage.overdue",
  "record.idle",
  "date.offset",
  "schedule",
  "approval.requested",
  "approval.approved",
  "approval.rejected",
  "approval.overdue",
  "manual",
  "webhook",
];

/** Every action type of the schemas, in menu order. */
export const ACTION_TYPES: readonly ActionType[] = [
  "notify",
  "set_field",
  "assign_owner",
  "move_stage",
  "create_record",
  "update_records",
  "webhook",
  "wait",
];

/** Fields that can be written by actions (they hold input). */
export function writableFields(form: Form | undefined): Field[] {
  return (form?.fields ?? []).filter(
    (f) => f.type !== "formula" && f.type !== "serial" && f.type !== "section" && f.type !== "subform",
  );
}

/** The starting value written into a field by an action. */
export function constantFor(field: Field | undefined): string | number | boolean {
  if (field === undefined) return "";
  if (field.type === "select") return field.options[0]?.value ?? "";
  if (field.type === "boolean") return true;
  if (
    field.type === "number" ||
    field.type === "money" ||
    field.type === "percent" ||
    field.type === "rating"
  )
    return 0;
  return "";
}

/** The form a trigger reads records of (schedule and webhook may have none). */
export function triggerForm(trigger: Trigger): string | undefined {
  return trigger.form;
}

/** A trigger of `type` on form `formId`, filled so that it validates when the form allows it. */
export function defaultTrigger(type: TriggerType, definition: AppDefinition, formId: string): Trigger {
  const form = definition.forms.find((f) => f.id === formId);
  const stage = form?.pipeline?.stages[0]?.id;
  const withStage = stage === undefined ? {} : { stage };
  switch (type) {
    case "record.created":
    case "record.updated":
      return { type, form: formId };
    case "field.changed":
      return { type, form: formId, fields: [writableFields(form)[0]?.id ?? form?.fields[0]?.id ?? "field"] };
    case "stage.entered":
    case "stage.left":
    case "stage.overdue":
    case "approval.requested":
    case "approval.approved":
    case "approval.rejected":
    case "approval.overdue":
      return { type, form: formId, ...withStage };
    case "record.idle":
      return { type, form: formId, days: 7 };
    case "date.offset":
      return {
        type,
        form: formId,
        field: form?.fields.find((f) => DATE_TYPES.has(f.type))?.id ?? "date",
        days: -1,
        at: "09:00",
      };
    case "schedule":
      return { type, cron: "0 9 * * 1", timeZone: "Asia/Shanghai", form: formId };
    case "manual":
      return { type, form: formId, label: { zh: "执行", en: "Run" } };
    case "webhook":
      return { type, form: formId };
  }
}

/** An action of `type` for a rule on form `formId`, filled with the first sensible choices. */
export function defaultAction(type: ActionType, definition: AppDefinition, formId: string): Action {
  const form = definition.forms.find((f) => f.id === formId);
  const other = definition.forms.find((f) => f.id !== formId) ?? form;
  switch (type) {
    case "notify":
      return { type, to: [{ type: "owner" }], title: { zh: "提醒", en: "Reminder" } };
    case "set_field": {
      const field = writableFields(form)[0];
      return { type, field: field?.id ?? "field", value: constantFor(field) };
    }
    case "assign_owner":
      return { type, strategy: { type: "fixed", userId: "" } };
    case "move_stage":
      return { type, to: form?.pipeline?.stages[1]?.id ?? form?.pipeline?.stages[0]?.id ?? "stage" };
    case "create_record": {
      const field = writableFields(other)[0];
      return {
        type,
        form: other?.id ?? formId,
        data: field === undefined ? {} : { [field.id]: constantFor(field) },
      };
    }
    case "update_records": {
      const link = form?.fields.find((f) => f.type === "reference" && f.form === other?.id);
      const field = writableFields(other)[0];
      return {
        type,
        form: other?.id ?? formId,
        target: link === undefined ? { type: "filter", filter: [] } : { type: "reference", field: link.id },
        set: field === undefined ? {} : { [field.id]: constantFor(field) },
      };
    }
    case "webhook":
      return { type, url: "https://", method: "POST" };
    case "wait":
      return { type, days: 1 };
  }
}

/** A new enabled rule on the first form: when a record is created, notify its owner. */
export function newRule(definition: AppDefinition): Rule {
  const formId = definition.forms[0]?.id ?? "form";
  const id = freshId("rule", new Set((definition.rules ?? []).map((r) => r.id)));
  return {
    id,
    name: { zh: "新规则", en: "New rule" },
    enabled: true,
    trigger: defaultTrigger("record.created", definition, formId),
    actions: [defaultAction("notify", definition, formId)],
  };
}
