import type { I18nText } from "@stagecraft/schemas";

/** The interface language of the builder. */
export type Lang = "zh" | "en";

/** The language to show for an i18next language code ("zh-CN" → zh, anything else → en). */
export function langOf(code: string | undefined): Lang {
  return code === undefined || code.startsWith("zh") ? "zh" : "en";
}

/** A label in the interface language, falling back to the other one when empty. */
export function textOf(text: I18nText | undefined, lang: Lang): string {
  if (text === undefined) return "";
  const first = lang === "zh" ? text.zh : text.en;
  return first !== "" ? first : lang === "zh" ? text.en : text.zh;
}
