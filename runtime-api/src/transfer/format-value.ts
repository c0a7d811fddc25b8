import type { Field } from "@stagecraft/schemas";

/** Text of one list item (ids and option values are strings; anything else as JSON). */
function itemText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * A record value as the text of an export cell: empty for absent, lists (multiselect, multiple
 * users or references) joined by "; ", subforms, files and addresses as JSON text.
 */
export function formatValue(field: Field, value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && field.type !== "subform" && field.type !== "file" && field.type !== "image") {
    return value.map(itemText).join("; ");
  }
  return JSON.stringify(value);
}
