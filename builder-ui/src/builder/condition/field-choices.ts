import type { Form } from "@stagecraft/schemas";
import { textOf, type Lang } from "../shared/i18n-text.js";
import { VALUELESS_TYPES } from "../form/field-types.js";

/** A field offered in a menu, with what the value editor needs to know about it. */
export interface FieldChoice {
  id: string;
  label: string;
  /** A field type, or "stage" for the record's current stage. */
  type: string;
  options?: { value: string; label: string }[];
}

/** The fields of a form a condition can read (top level, with a value), and `_stage` when it has a pipeline. */
export function fieldChoicesOf(form: Form | undefined, lang: Lang, exclude?: string): FieldChoice[] {
  if (form === undefined) return [];
  const choices: FieldChoice[] = [];
  for (const field of form.fields) {
    if (VALUELESS_TYPES.has(field.type) || field.type === "subform" || field.id === exclude) continue;
    const choice: FieldChoice = {
      id: field.id,
      label: textOf(field.label, lang) || field.id,
      type: field.type,
    };
    if (field.type === "select" || field.type === "multiselect") {
      choice.options = field.options.map((o) => ({
        value: o.value,
        label: textOf(o.label, lang) || o.value,
      }));
    }
    choices.push(choice);
  }
  if (form.pipeline !== undefined) {
    choices.push({
      id: "_stage",
      label: lang === "zh" ? "当前阶段" : "Current stage",
      type: "stage",
      options: form.pipeline.stages.map((s) => ({ value: s.id, label: textOf(s.name, lang) || s.id })),
    });
  }
  return choices;
}
