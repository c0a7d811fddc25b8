import i18next, { type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en.js";
import { zh } from "./zh.js";

/** The i18next namespace of the builder's own texts. */
export const BUILDER_NS = "builder";

/** Add the builder's zh and en texts to an i18next instance (once; safe to call again). */
export function registerBuilderI18n(instance: I18n): void {
  if (!instance.hasResourceBundle("zh", BUILDER_NS))
    instance.addResourceBundle("zh", BUILDER_NS, zh, true, false);
  if (!instance.hasResourceBundle("en", BUILDER_NS))
    instance.addResourceBundle("en", BUILDER_NS, en, true, false);
}

/**
 * The global i18next instance with the builder's texts: initialised here (Chinese first) when
 * the host app has not done it, so the builder also works on its own and in tests.
 */
export function ensureBuilderI18n(): I18n {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      lng: "zh",
      fallbackLng: "zh",
      ns: [BUILDER_NS],
      defaultNS: BUILDER_NS,
      interpolation: { escapeValue: false },
      resources: {},
      initAsync: false,
    });
  }
  registerBuilderI18n(i18next);
  return i18next;
}
