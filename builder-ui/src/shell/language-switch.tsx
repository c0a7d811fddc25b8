import { Segmented } from "antd";
import { useTranslation } from "react-i18next";
import { switchLanguage } from "../i18n/i18n.js";
import { useLanguage } from "../i18n/localized.js";

/** 中文 / English. */
export function LanguageSwitch() {
  const { i18n } = useTranslation();
  const language = useLanguage();
  return (
    <Segmented
      aria-label="Language / 语言"
      size="small"
      value={language}
      options={[
        { value: "zh", label: "中文" },
        { value: "en", label: "English" },
      ]}
      onChange={(value) => {
        switchLanguage(i18n, value === "en" ? "en" : "zh");
      }}
    />
  );
}
