import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import "dayjs/locale/zh-cn";
import dayjs from "dayjs";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "../i18n/localized.js";

const THEME = { token: { colorPrimary: "#1677ff", borderRadius: 8 } };

/** antd in the interface language (zh_CN or en_US), dayjs and <html lang> following it. */
export function LocaleProviders({ children }: { children: ReactNode }) {
  const language = useLanguage();
  const { t } = useTranslation();
  dayjs.locale(language === "zh" ? "zh-cn" : "en");
  document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
  document.title = t("brand");
  return (
    <ConfigProvider locale={language === "zh" ? zhCN : enUS} theme={THEME}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
