import type { Field, RowField } from "@stagecraft/schemas";
import { DatePicker, Input, InputNumber, Rate, Select, Space, Switch, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { isRecord } from "../shared/json-guards.js";
import { textOf, type Lang } from "../shared/i18n-text.js";

function shownValue(value: unknown): string {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? String(value)
    : "—";
}

function stringOf(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** The input of one field in the live preview, for every field type. */
export function PreviewInput(props: {
  field: Field | RowField;
  value: unknown;
  computed: unknown;
  lang: Lang;
  readOnly: boolean;
  onChange: (value: unknown) => void;
}) {
  const { t } = useTranslation("builder");
  const { field, value, onChange, lang } = props;
  const label = textOf(field.label, lang) || field.id;
  const disabled = props.readOnly;
  const placeholder = textOf(field.placeholder, lang) || undefined;
  switch (field.type) {
    case "text":
    case "phone":
    case "email":
    case "url":
    case "user":
    case "department":
    case "reference":
      return (
        <Input
          aria-label={label}
          disabled={disabled}
          placeholder={placeholder}
          value={stringOf(value)}
          onChange={(e) => {
            onChange(e.target.value === "" ? null : e.target.value);
          }}
        />
      );
    case "textarea":
      return (
        <Input.TextArea
          aria-label={label}
          disabled={disabled}
          rows={3}
          value={stringOf(value)}
          onChange={(e) => {
            onChange(e.target.value === "" ? null : e.target.value);
          }}
        />
      );
    case "number":
    case "money":
    case "percent":
      return (
        <InputNumber
          aria-label={label}
          disabled={disabled}
          style={{ width: "100%" }}
          value={typeof value === "number" ? value : null}
          {...(field.type === "money"
            ? { prefix: field.currency === undefined || field.currency === "CNY" ? "¥" : field.currency }
            : {})}
          onChange={(v) => {
            onChange(v);
          }}
        />
      );
    case "rating":
      return (
        <Rate
          aria-label={label}
          disabled={disabled}
          count={field.max ?? 5}
          value={typeof value === "number" ? value : 0}
          onChange={(v) => {
            onChange(v === 0 ? null : v);
          }}
        />
      );
    case "boolean":
      return (
        <Switch
          aria-label={label}
          disabled={disabled}
          checked={value === true}
          onChange={(v) => {
            onChange(v);
          }}
        />
      );
    case "date":
      return (
        <DatePicker
          aria-label={label}
          disabled={disabled}
          style={{ width: "100%" }}
          value={typeof value === "string" ? dayjs(value) : null}
          onChange={(v) => {
            onChange(v === null ? null : v.format("YYYY-MM-DD"));
          }}
        />
      );
    case "datetime":
      return (
        <DatePicker
          showTime
          aria-label={label}
          disabled={disabled}
          style={{ width: "100%" }}
          value={typeof value === "string" ? dayjs(value) : null}
          onChange={(v) => {
            onChange(v === null ? null : v.toISOString());
          }}
        />
      );
    case "select":
    case "multiselect": {
      const options = field.options.map((o) => ({ value: o.value, label: textOf(o.label, lang) || o.value }));
      return field.type === "select" ? (
        <Select
          aria-label={label}
          disabled={disabled}
          allowClear
          value={typeof value === "string" ? value : null}
          options={options}
          onChange={(v: string | undefined) => {
            onChange(v ?? null);
          }}
        />
      ) : (
        <Select
          aria-label={label}
          disabled={disabled}
          mode="multiple"
          value={Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []}
          options={options}
          onChange={(v: string[]) => {
            onChange(v);
          }}
        />
      );
    }
    case "address": {
      const current = isRecord(value) ? value : {};
      return (
        <Space.Compact style={{ width: "100%" }}>
          {(["province", "city", "district", "detail"] satisfies string[]).map((part) => (
            <Input
              key={part}
              aria-label={`${label} ${t(`preview.address.${part}`)}`}
              placeholder={t(`preview.address.${part}`)}
              disabled={disabled}
              value={stringOf(current[part])}
              onChange={(e) => {
                onChange({ ...current, [part]: e.target.value });
              }}
            />
          ))}
        </Space.Compact>
      );
    }
    case "formula":
      return (
        <Typography.Text strong data-testid={`formula-${field.id}`}>
          {shownValue(props.computed)}
        </Typography.Text>
      );
    case "serial":
      return <Typography.Text type="secondary">{t("preview.serial")}</Typography.Text>;
    case "file":
    case "image":
    case "signature":
      return <Typography.Text type="secondary">{t("preview.upload")}</Typography.Text>;
    case "subform":
    case "section":
      return null;
  }
}
