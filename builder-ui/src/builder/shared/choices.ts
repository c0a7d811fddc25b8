import type { Field, Form } from "@stagecraft/schemas";
import { textOf, type Lang } from "./i18n-text.js";

/** A menu entry. */
export interface Choice<T = string> {
  value: T;
  label: string;
}

/** Forms as menu entries: the name in the language, else the id. */
export function formChoices(forms: readonly Form[], lang: Lang): Choice[] {
  return forms.map((f) => ({ value: f.id, label: textOf(f.name, lang) || f.id }));
}

/** Fields as menu entries: the label in the language, else the id. */
export function fieldChoices(fields: readonly Field[], lang: Lang): Choice[] {
  return fields.map((f) => ({ value: f.id, label: textOf(f.label, lang) || f.id }));
}

/** The stages of a form's pipeline as menu entries (none without a pipeline). */
export function stageChoices(form: Form | undefined, lang: Lang): Choice[] {
  return (form?.pipeline?.stages ?? []).map((s) => ({ value: s.id, label: textOf(s.name, lang) || s.id }));
}
