import type { I18nText } from "@stagecraft/schemas";
import { Input, Space } from "antd";
import { useTranslation } from "react-i18next";

function Side(props: {
  label: string;
  tag: string;
  multiline: boolean;
  value: string;
  onChange: (value: string) => void;
}) {
  if (props.multiline) {
    return (
      <Input.TextArea
        aria-label={props.label}
        placeholder={props.tag}
        rows={2}
        value={props.value}
        onChange={(e) => {
          props.onChange(e.target.value);
        }}
      />
    );
  }
  return (
    <Input
      aria-label={props.label}
      prefix={<span style={{ color: "#9ca3af", width: 20, display: "inline-block" }}>{props.tag}</span>}
      value={props.value}
      onChange={(e) => {
        props.onChange(e.target.value);
      }}
    />
  );
}

/**
 * A text in both languages (zh first). For an optional text, clearing both sides removes it
 * (onChange(undefined)); a required text keeps empty sides so validation can name them.
 */
export function I18nTextInput(props: {
  label: string;
  value: I18nText | undefined;
  optional?: boolean;
  multiline?: boolean;
  onChange: (value: I18nText | undefined) => void;
}) {
  const { t } = useTranslation("builder");
  const value = props.value ?? { zh: "", en: "" };
  const multiline = props.multiline === true;
  const set = (next: I18nText) => {
    props.onChange(props.optional === true && next.zh === "" && next.en === "" ? undefined : next);
  };
  return (
    <Space orientation="vertical" style={{ width: "100%" }} size={4}>
      <Side
        label={`${props.label} (${t("common.zh")})`}
        tag={t("common.zhShort")}
        multiline={multiline}
        value={value.zh}
        onChange={(zh) => {
          set({ ...value, zh });
        }}
      />
      <Side
        label={`${props.label} (${t("common.en")})`}
        tag="EN"
        multiline={multiline}
        value={value.en}
        onChange={(en) => {
          set({ ...value, en });
        }}
      />
    </Space>
  );
}
