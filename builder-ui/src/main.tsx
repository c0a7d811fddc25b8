import i18next from "i18next";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./app.css";
import { I18nextProvider } from "react-i18next";
import { createI18n } from "./i18n/i18n.js";
import { AppRoot } from "./shell/app-root.js";
import { LocaleProviders } from "./shell/locale-providers.js";

const root = document.getElementById("root");
if (root) {
  const i18n = createI18n(undefined, i18next);
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <LocaleProviders>
          <AppRoot />
        </LocaleProviders>
      </I18nextProvider>
    </StrictMode>,
  );
}
