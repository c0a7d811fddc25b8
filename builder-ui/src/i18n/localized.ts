import type { I18nText } from "@stagecraft/schemas";
import { useTranslation } from "react-i18next";
import type { Language } from "./i18n.js";

/** The current interface language as the app's Language. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language.startsWith("zh") ? "zh" : "en";
}

/** A function that picks the current language of a `{zh, en}` text. */
export function useLocalized(): (text: I18nText | undefined) => string {
  const language = useLanguage();
  return (text) => (text === undefined ? "" : text[language]);
}
