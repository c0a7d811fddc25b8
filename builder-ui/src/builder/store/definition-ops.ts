import type { AppDefinition, Field, Form, RowField } from "@stagecraft/schemas";
import { moveItem, removeAt, replaceAt } from "../shared/optional.js";

/** A copy of the definition with one form changed (the same object when the form is absent or unchanged). */
export function updateForm(
  definition: AppDefinition,
  formId: string,
  change: (form: Form) => Form,
): AppDefinition {
  const index = definition.forms.findIndex((f) => f.id === formId);
  const form = definition.forms[index];
  if (form === undefined) return definition;
  const next = change(form);
  if (next === form) return definition;
  return { ...definition, forms: replaceAt(definition.forms, index, next) };
}

/** The form with this id. */
export function formOf(definition: AppDefinition, formId: string): Form | undefined {
  return definition.forms.find((f) => f.id === formId);
}

/** A field of a form: top level, or in the rows of subform `parentId`. */
export function fieldOf(form: Form | undefined, fieldId: string, parentId?: string): Field | undefined {
  if (form === undefined) return undefined;
  if (parentId === undefined) return form.fields.find((f) => f.id === fieldId);
  const parent = form.fields.find((f) => f.id === parentId);
  return parent?.type === "subform" ? parent.fields.find((f) => f.id === fieldId) : undefined;
}

/** Whether a field may sit in a subform row (no subforms, sections or serials there). */
export function isRowField(field: Field): field is RowField {
  return field.type !== "subform" && field.type !== "section" && field.type !== "serial";
}

/** Change one field (top level, or a subform row field when parentId is given). */
export function updateField(
  definition: AppDefinition,
  formId: string,
  fieldId: string,
  parentId: string | undefined,
  change: (field: Field) => Field,
): AppDefinition {
  return updateForm(definition, formId, (form) => {
    if (parentId === undefined) {
      const index = form.fields.findIndex((f) => f.id === fieldId);
      const field = form.fields[index];
      if (field === undefined) return form;
      return { ...form, fields: replaceAt(form.fields, index, change(field)) };
    }
    const parentIndex = form.fields.findIndex((f) => f.id === parentId);
    const parent = form.fields[parentIndex];
    if (parent?.type !== "subform") return form;
    const index = parent.fields.findIndex((f) => f.id === fieldId);
    const field = parent.fields[index];
    if (field === undefined) return form;
    const changed = change(field);
    // A row may not hold subforms, sections or serials: such a change is refused.
    if (!isRowField(changed)) return form;
    return {
      ...form,
      fields: replaceAt(form.fields, parentIndex, {
        ...parent,
        fields: replaceAt(parent.fields, index, changed),
      }),
    };
  });
}

/** Insert a field at `index` (top level, or into subform `parentId`); refused for non-row fields in a subform. */
export function insertField(
  definition: AppDefinition,
  formId: string,
  field: Field,
  index: number,
  parentId?: string,
): AppDefinition {
  return updateForm(definition, formId, (form) => {
    if (parentId === undefined) {
      const fields = [...form.fields];
      fields.splice(Math.max(0, Math.min(index, fields.length)), 0, field);
      return { ...form, fields };
    }
    const parentIndex = form.fields.findIndex((f) => f.id === parentId);
    const parent = form.fields[parentIndex];
    if (parent?.type !== "subform" || !isRowField(field)) return form;
    const rows = [...parent.fields];
    rows.splice(Math.max(0, Math.min(index, rows.length)), 0, field);
    return { ...form, fields: replaceAt(form.fields, parentIndex, { ...parent, fields: rows }) };
  });
}

/** Remove a field; a subform keeps at least one row field (the schema requires one). */
export function removeField(
  definition: AppDefinition,
  formId: string,
  fieldId: string,
  parentId?: string,
): AppDefinition {
  return updateForm(definition, formId, (form) => {
    if (parentId === undefined) {
      if (form.fields.length <= 1) return form;
      return { ...form, fields: form.fields.filter((f) => f.id !== fieldId) };
    }
    const parentIndex = form.fields.findIndex((f) => f.id === parentId);
    const parent = form.fields[parentIndex];
    if (parent?.type !== "subform" || parent.fields.length <= 1) return form;
    const index = parent.fields.findIndex((f) => f.id === fieldId);
    if (index < 0) return form;
    return {
      ...form,
      fields: replaceAt(form.fields, parentIndex, { ...parent, fields: removeAt(parent.fields, index) }),
    };
  });
}

/** Move a field within its list (top level or one subform) to position `to`. */
export function reorderField(
  definition: AppDefinition,
  formId: string,
  fieldId: string,
  to: number,
  parentId?: string,
): AppDefinition {
  return updateForm(definition, formId, (form) => {
    if (parentId === undefined) {
      const from = form.fields.findIndex((f) => f.id === fieldId);
      if (from < 0 || from === to) return form;
      return { ...form, fields: moveItem(form.fields, from, to) };
    }
    const parentIndex = form.fields.findIndex((f) => f.id === parentId);
    const parent = form.fields[parentIndex];
    if (parent?.type !== "subform") return form;
    const from = parent.fields.findIndex((f) => f.id === fieldId);
    if (from < 0 || from === to) return form;
    return {
      ...form,
      fields: replaceAt(form.fields, parentIndex, { ...parent, fields: moveItem(parent.fields, from, to) }),
    };
  });
}

/** Every field id used in a form, subform rows included (ids must stay unique for expressions). */
export function fieldIdsOf(form: Form): Set<string> {
  const ids = new Set<string>();
  for (const field of form.fields) {
    ids.add(field.id);
    if (field.type === "subform") for (const row of field.fields) ids.add(row.id);
  }
  return ids;
}

/** A fresh snake_case id `<base>_<n>` not yet in `taken`. */
export function freshId(base: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const id = `${base}_${n}`;
    if (!taken.has(id)) return id;
  }
}
