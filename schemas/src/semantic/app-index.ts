import type { ValidationIssue } from "../ajv.js";
import type { AppDefinition } from "../app.js";
import type { Field, RowField } from "../field.js";
import type { Form } from "../form.js";
import type { Kpi } from "../kpi.js";
import type { Stage } from "../pipeline.js";
import { SYSTEM_FIELDS, type SystemField } from "../record-filter.js";
import { issue, pointer } from "./issue.js";

/** A field with the JSON Pointer of its definition. */
export interface FieldEntry<F extends Field | RowField = Field> {
  readonly field: F;
  readonly path: string;
}

/** A form with lookups by id (first occurrence wins; duplicates are reported by unique-ids). */
export interface FormEntry {
  readonly form: Form;
  readonly path: string;
  readonly fields: ReadonlyMap<string, FieldEntry>;
  /** Stages by id; undefined when the form has no pipeline. */
  readonly stages: ReadonlyMap<string, Stage> | undefined;
  readonly aggregates: ReadonlySet<string>;
}

/** Lookups over a whole app, keyed by user-chosen ids (Maps: ids never index plain objects). */
export interface AppIndex {
  /** Forms by id, for references (the first form of a duplicated id). */
  readonly forms: ReadonlyMap<string, FormEntry>;
  /** Every form in definition order, for checks of a form's own content. */
  readonly formList: readonly FormEntry[];
  readonly kpis: ReadonlyMap<string, Kpi>;
  readonly calendars: ReadonlySet<string>;
}

function firstById<T extends { id: string }, V>(
  items: readonly T[],
  value: (item: T, i: number) => V,
): Map<string, V> {
  const map = new Map<string, V>();
  items.forEach((item, i) => {
    if (!map.has(item.id)) map.set(item.id, value(item, i));
  });
  return map;
}

/** Field lookups of a list of fields (a form's, or a subform row's). */
export function indexFields<F extends Field | RowField>(
  fields: readonly F[],
  base: string,
): Map<string, FieldEntry<F>> {
  return firstById(fields, (field, i) => ({ field, path: pointer(base, i) }));
}

/** Build the lookups the semantic checks share. */
export function indexApp(app: AppDefinition): AppIndex {
  const formList = app.forms.map((form, i): FormEntry => {
    const path = pointer("", "forms", i);
    return {
      form,
      path,
      fields: indexFields(form.fields, pointer(path, "fields")),
      stages: form.pipeline ? firstById(form.pipeline.stages, (stage) => stage) : undefined,
      aggregates: new Set((form.aggregates ?? []).map((a) => a.id)),
    };
  });
  const forms = new Map<string, FormEntry>();
  for (const entry of formList) if (!forms.has(entry.form.id)) forms.set(entry.form.id, entry);
  return {
    forms,
    formList,
    kpis: firstById(app.kpis ?? [], (kpi) => kpi),
    calendars: new Set((app.calendars ?? []).map((c) => c.id)),
  };
}

const systemFields: ReadonlySet<string> = new Set(SYSTEM_FIELDS);

/** Whether `id` names a system column every record has. */
export function isSystemField(id: string): id is SystemField {
  return systemFields.has(id);
}

/** System columns that hold instants (usable where a date is needed). */
export const DATE_SYSTEM_FIELDS: ReadonlySet<string> = new Set([
  "_created_at",
  "_updated_at",
  "_stage_entered_at",
  "_closed_at",
]);

/** Whether the field holds a number (sums, averages, increments of it make sense). */
export function isNumericField(field: Field | RowField): boolean {
  switch (field.type) {
    case "number":
    case "money":
    case "percent":
    case "rating":
      return true;
    case "formula":
      return field.resultType === "number" || field.resultType === "money" || field.resultType === "percent";
    default:
      return false;
  }
}

/** Whether the field holds a date or an instant. */
export function isDateField(field: Field | RowField): boolean {
  return (
    field.type === "date" ||
    field.type === "datetime" ||
    (field.type === "formula" && field.resultType === "date")
  );
}

/** Whether people (and actions) can write the field: computed and layout fields hold no input. */
export function isWritableField(field: Field | RowField): boolean {
  return field.type !== "formula" && field.type !== "serial" && field.type !== "section";
}

/** A field of a form, or a system column. */
export type FieldRef = { kind: "field"; field: Field } | { kind: "system"; id: SystemField };

/**
 * The field `id` of `form` (or a system column when allowed); otherwise push unknown_field.
 * Sections hold no value, so naming one is reported as wrong_field_type.
 */
export function requireField(
  form: FormEntry,
  id: string,
  path: string,
  issues: ValidationIssue[],
  allowSystem = false,
): FieldRef | undefined {
  if (allowSystem && isSystemField(id)) return { kind: "system", id };
  const entry = form.fields.get(id);
  if (!entry) {
    issues.push(
      issue(path, "unknown_field", `form "${form.form.id}" has no field "${id}"`, {
        form: form.form.id,
        field: id,
      }),
    );
    return undefined;
  }
  if (entry.field.type === "section") {
    issues.push(
      issue(path, "wrong_field_type", `"${id}" is a section and holds no value`, {
        field: id,
        type: "section",
      }),
    );
    return undefined;
  }
  return { kind: "field", field: entry.field };
}

/** The form `id`; otherwise push unknown_form. */
export function requireForm(
  index: AppIndex,
  id: string,
  path: string,
  issues: ValidationIssue[],
): FormEntry | undefined {
  const form = index.forms.get(id);
  if (!form) issues.push(issue(path, "unknown_form", `the app has no form "${id}"`, { form: id }));
  return form;
}

/** Check that the form has a pipeline with the stage (no_pipeline / unknown_stage otherwise). */
export function requireStage(form: FormEntry, id: string, path: string, issues: ValidationIssue[]): void {
  if (!form.stages) {
    issues.push(issue(path, "no_pipeline", `form "${form.form.id}" has no pipeline`, { form: form.form.id }));
  } else if (!form.stages.has(id)) {
    issues.push(
      issue(path, "unknown_stage", `the pipeline of form "${form.form.id}" has no stage "${id}"`, {
        form: form.form.id,
        stage: id,
      }),
    );
  }
}

/** Check that the form has a pipeline (for things that use stages without naming one). */
export function requirePipeline(form: FormEntry, path: string, issues: ValidationIssue[]): void {
  if (!form.stages) {
    issues.push(issue(path, "no_pipeline", `form "${form.form.id}" has no pipeline`, { form: form.form.id }));
  }
}
