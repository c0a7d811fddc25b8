import type { ValidationIssue } from "../ajv.js";
import type { AppDefinition } from "../app.js";
import type { Field, RowField } from "../field.js";
import {
  indexApp,
  requireField,
  requireForm,
  requireStage,
  type AppIndex,
  type FormEntry,
} from "./app-index.js";
import { pointer } from "./issue.js";

function checkReferenceFields(
  index: AppIndex,
  fields: readonly (Field | RowField)[],
  base: string,
  issues: ValidationIssue[],
): void {
  fields.forEach((field, i) => {
    const path = pointer(base, i);
    if (field.type === "subform") {
      checkReferenceFields(index, field.fields, pointer(path, "fields"), issues);
    } else if (field.type === "reference") {
      const target = requireForm(index, field.form, pointer(path, "form"), issues);
      if (target && field.displayField !== undefined) {
        requireField(target, field.displayField, pointer(path, "displayField"), issues);
      }
    }
  });
}

function checkPipeline(entry: FormEntry, issues: ValidationIssue[]): void {
  const pipeline = entry.form.pipeline;
  if (!pipeline) return;
  const base = pointer(entry.path, "pipeline");
  requireStage(entry, pipeline.initial, pointer(base, "initial"), issues);
  pipeline.stages.forEach((stage, s) => {
    const path = pointer(base, "stages", s);
    (stage.requires ?? []).forEach((id, i) => {
      requireField(entry, id, pointer(path, "requires", i), issues);
    });
    (stage.moves ?? []).forEach((id, i) => {
      requireStage(entry, id, pointer(path, "moves", i), issues);
    });
    (stage.approval?.covers ?? []).forEach((id, i) => {
      requireField(entry, id, pointer(path, "approval", "covers", i), issues);
    });
  });
}

/** A form's own references: reference fields, its title field and its pipeline's stages and fields. */
export function checkFormReferences(app: AppDefinition): ValidationIssue[] {
  const index = indexApp(app);
  const issues: ValidationIssue[] = [];
  for (const entry of index.formList) {
    const { form, path } = entry;
    if (form.titleField !== undefined)
      requireField(entry, form.titleField, pointer(path, "titleField"), issues);
    checkReferenceFields(index, form.fields, pointer(path, "fields"), issues);
    checkPipeline(entry, issues);
  }
  return issues;
}
