import type { AppDefinition, Field, Form } from "@stagecraft/schemas";
import type { Drop } from "../dnd/dnd-adapter.js";
import {
  fieldOf,
  formOf,
  insertField,
  isRowField,
  removeField,
  reorderField,
} from "../store/definition-ops.js";
import { newField } from "./new-field.js";

/** The definition after a drop on a form's canvas, and the field to select (the new or moved one). */
export interface FieldDropResult {
  definition: AppDefinition;
  selected?: { fieldId: string; parentId?: string };
}

/**
 * Apply a drop on form `formId`: a palette type inserts a new field at the slot, a field moves
 * there (within its list, or into/out of a subform when its type may live in a row).
 */
export function applyFieldDrop(definition: AppDefinition, formId: string, drop: Drop): FieldDropResult {
  const form = formOf(definition, formId);
  const { source, target } = drop;
  if (form === undefined || target.kind !== "field-slot") return { definition };
  const parentId = target.parentId;
  const at = parentId === undefined ? {} : { parentId };
  if (source.kind === "palette") {
    const field = newField(
      source.fieldType,
      form,
      definition.forms.filter((f) => f.id !== formId).map((f) => f.id),
    );
    const next = insertField(definition, formId, field, target.index, parentId);
    return next === definition
      ? { definition }
      : { definition: next, selected: { fieldId: field.id, ...at } };
  }
  if (source.kind !== "field") return { definition };
  const field = fieldOf(form, source.fieldId, source.parentId);
  if (field === undefined || field.id === parentId) return { definition };
  if (source.parentId === parentId) {
    const list = parentId === undefined ? form.fields : rowsOf(form, parentId);
    const from = list.findIndex((f) => f.id === field.id);
    // On a card the field takes that card's place; a slot counts positions before the move.
    const to =
      target.onCard === true
        ? Math.min(target.index, list.length - 1)
        : from < target.index
          ? target.index - 1
          : target.index;
    return {
      definition: reorderField(definition, formId, field.id, to, parentId),
      selected: { fieldId: field.id, ...at },
    };
  }
  if (parentId !== undefined && !isRowField(field)) return { definition };
  const removed = removeField(definition, formId, field.id, source.parentId);
  if (removed === definition) return { definition };
  const inserted = insertField(removed, formId, field, target.index, parentId);
  return inserted === removed
    ? { definition }
    : { definition: inserted, selected: { fieldId: field.id, ...at } };
}

function rowsOf(form: Form, parentId: string): readonly Field[] {
  const parent = form.fields.find((f) => f.id === parentId);
  return parent?.type === "subform" ? parent.fields : [];
}
