import { isObject } from "../api/guards.js";
import type { PublicFormView } from "../api/types.js";

/** Reference fields of a field list (subform rows included): the form each points to and its display field. */
function referencesOf(fields: readonly unknown[]): { form: string; displayField?: string }[] {
  return fields.flatMap((field: unknown) => {
    if (!isObject(field)) return [];
    if (field["type"] === "subform" && Array.isArray(field["fields"])) return referencesOf(field["fields"]);
    if (field["type"] !== "reference" || typeof field["form"] !== "string") return [];
    const display = field["displayField"];
    return [{ form: field["form"], ...(typeof display === "string" ? { displayField: display } : {}) }];
  });
}

/**
 * A definition the engine can compile from a shared form alone: the form, plus a stand-in for each
 * form its references point to (the visitor sees no other form; only the ids must resolve).
 */
export function publicDefinition(view: PublicFormView): Record<string, unknown> {
  const standIns = new Map<string, Set<string>>();
  for (const ref of referencesOf(view.form.fields)) {
    if (ref.form === view.form.id) continue;
    const fields = standIns.get(ref.form) ?? new Set<string>();
    if (ref.displayField !== undefined) fields.add(ref.displayField);
    standIns.set(ref.form, fields);
  }
  const others = [...standIns].map(([id, fields]) => ({
    id,
    name: { zh: id, en: id },
    fields: (fields.size === 0 ? ["name"] : [...fields]).map((field) => ({
      id: field,
      type: "text",
      label: { zh: field, en: field },
    })),
  }));
  return { id: "shared-form", name: view.appName, forms: [view.form, ...others] };
}
