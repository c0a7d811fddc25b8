import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en.js";
import { zh } from "./zh.js";

/** The interface languages. */
export type Language = "zh" | "en";

const STORAGE_KEY = "stagecraft.lang";

/** The language to start in: the saved choice, else Chinese for a zh browser, else English. */
export function initialLanguage(saved: string | null, browser: readonly string[]): Language {
  if (saved === "zh" || saved === "en") return saved;
  const first = browser[0] ?? "zh";
  return first.toLowerCase().startsWith("zh") ? "zh" : "en";
}

function savedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * Set up an i18next instance with the app's namespace "app" (a fresh one unless given). The page
 * passes the global i18next, so other parts (the builder) can add their own namespaces to it.
 */
export function createI18n(language?: Language, instance: i18n = i18next.createInstance()): i18n {
  const lng = language ?? initialLanguage(savedLanguage(), navigator.languages);
  void instance.use(initReactI18next).init({
    lng,
    fallbackLng: "en",
    ns: ["app"],
    defaultNS: "app",
    resources: { zh: { app: zh }, en: { app: en } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

/** Switch the language and remember it for the next visit. */
export function switchLanguage(instance: i18n, language: Language): void {
  void instance.changeLanguage(language);
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage: the switch still applies to this visit.
  }
  document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
}
