import type { I18nText } from "@stagecraft/schemas";

const PLACEHOLDER = /\{\{\s*([^{}\s]*)\s*\}\}/g;

/** A field value as plain text: scalars as-is, lists joined with ", ", absent values empty. */
function valueText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value))
    return value
      .map(valueText)
      .filter((text) => text !== "")
      .join(", ");
  return "";
}

/**
 * Replace every `{{field_id}}` by the value of that own key of `data`; placeholders naming no
 * own key become empty. Plain substitution: nothing in the text is evaluated.
 */
export function renderTemplate(text: string, data: Readonly<Record<string, unknown>>): string {
  return text.replace(PLACEHOLDER, (_match, key: string) =>
    Object.hasOwn(data, key) ? valueText(data[key]) : "",
  );
}

/** renderTemplate applied to both languages of a text. */
export function renderI18n(text: I18nText, data: Readonly<Record<string, unknown>>): I18nText {
  return { zh: renderTemplate(text.zh, data), en: renderTemplate(text.en, data) };
}
