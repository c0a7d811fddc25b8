import type { Field, Form } from "@stagecraft/schemas";
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

function choicesOf(fields: readonly Field[], lang: Lang, exclude: string | undefined): FieldChoice[] {
  const choices: FieldChoice[] = [];
  for (const field of fields) {
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
  return choices;
}

/** The fields of a form a condition can read (top level, with a value), and `_stage` when it has a pipeline. */
export function fieldChoicesOf(form: Form | undefined, lang: Lang, exclude?: string): FieldChoice[] {
  if (form === undefined) return [];
  const choices = choicesOf(form.fields, lang, exclude);
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

/**
 * What a condition of a subform row field can read: the other fields of its row, then the
 * record's fields as `_parent.<id>` (how row expressions reach the record).
 */
export function rowFieldChoicesOf(
  form: Form | undefined,
  subformId: string,
  lang: Lang,
  exclude?: string,
): FieldChoice[] {
  const subform = form?.fields.find((f) => f.id === subformId);
  if (subform?.type !== "subform") return [];
  const record = lang === "zh" ? "主表" : "Record";
  return [
    ...choicesOf(subform.fields, lang, exclude),
    ...fieldChoicesOf(form, lang).map((c) => ({
      ...c,
      id: `_parent.${c.id}`,
      label: `${record} · ${c.label}`,
    })),
  ];
}
