import { shapeOf, type FieldShape, type FormShape } from "./definition-shape.js";

/** What publishing a definition changes for a form's existing records (counted by impact-report.ts). */
export type PlannedChange =
  | { kind: "form_added" | "form_removed"; formId: string }
  | { kind: "field_added" | "field_removed" | "required_added"; formId: string; fieldId: string }
  | { kind: "field_retyped"; formId: string; fieldId: string; from: string; to: string }
  | { kind: "stage_added" | "stage_removed"; formId: string; stageId: string };

/** The kinds of change an impact report lists. */
export type ChangeKind = PlannedChange["kind"];

// Layout-only fields hold no value, so adding, removing or requiring one touches no record.
const VALUELESS_TYPES: ReadonlySet<string> = new Set(["section"]);

function holdsValue(field: FieldShape): boolean {
  return !VALUELESS_TYPES.has(field.type);
}

function isRequiredValue(field: FieldShape | undefined): boolean {
  return field !== undefined && field.required && holdsValue(field);
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

function diffFields(formId: string, before: FormShape, after: FormShape): PlannedChange[] {
  const changes: PlannedChange[] = [];
  const afterFields = byId(after.fields);
  const beforeFields = byId(before.fields);
  for (const old of before.fields) {
    const next = afterFields.get(old.id);
    if (next === undefined) {
      if (holdsValue(old)) changes.push({ kind: "field_removed", formId, fieldId: old.id });
    } else if (next.type !== old.type) {
      changes.push({ kind: "field_retyped", formId, fieldId: old.id, from: old.type, to: next.type });
    }
  }
  for (const next of after.fields) {
    const old = beforeFields.get(next.id);
    if (old === undefined && holdsValue(next))
      changes.push({ kind: "field_added", formId, fieldId: next.id });
    if (isRequiredValue(next) && !isRequiredValue(old)) {
      changes.push({ kind: "required_added", formId, fieldId: next.id });
    }
  }
  return changes;
}

function diffStages(formId: string, before: FormShape, after: FormShape): PlannedChange[] {
  const kept = new Set(after.stages);
  const known = new Set(before.stages);
  return [
    ...before.stages
      .filter((stageId) => !kept.has(stageId))
      .map((stageId): PlannedChange => ({ kind: "stage_removed", formId, stageId })),
    ...after.stages
      .filter((stageId) => !known.has(stageId))
      .map((stageId): PlannedChange => ({ kind: "stage_added", formId, stageId })),
  ];
}

/**
 * Compare a published definition with the one replacing it. Form by form in the published order:
 * a removed form, or its fields retyped or removed, then fields added or newly required, then
 * stages removed and added; forms added come last.
 */
export function diffDefinitions(published: unknown, next: unknown): PlannedChange[] {
  const before = shapeOf(published);
  const after = byId(shapeOf(next));
  const known = new Set(before.map((form) => form.id));
  const changes: PlannedChange[] = [];
  for (const form of before) {
    const kept = after.get(form.id);
    if (kept === undefined) {
      changes.push({ kind: "form_removed", formId: form.id });
      continue;
    }
    changes.push(...diffFields(form.id, form, kept), ...diffStages(form.id, form, kept));
  }
  for (const form of after.values()) {
    if (!known.has(form.id)) changes.push({ kind: "form_added", formId: form.id });
  }
  return changes;
}
