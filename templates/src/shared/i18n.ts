import type { I18nText, Option } from "@stagecraft/schemas";

/** A label in Chinese (primary) and English. */
export function t(zh: string, en: string): I18nText {
  return { zh, en };
}

/** One choice of a select or multiselect field. */
export function option(value: string, zh: string, en: string): Option {
  return { value, label: t(zh, en) };
}
