import type { Field, JsonValue } from "@stagecraft/schemas";
import { DatePicker, Form as AntForm, Input, InputNumber, Select, Switch } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { langOf, textOf } from "../shared/i18n-text.js";
import { UserPicker } from "../shared/user-picker.js";
import { NUMERIC_TYPES } from "./field-types.js";

const isString = (v: unknown): v is string => typeof v === "string";

/** The default value of a field, edited with an input of its type (none for types without a simple default). */
export function DefaultValueInput(props: { field: Field; onChange: (value: JsonValue | undefined) => void }) {
  const { t, i18n } = useTranslation("builder");
  const lang = langOf(i18n.language);
  const { field, onChange } = props;
  const label = t("field.default");
  const value = field.default;
  let input;
  if (field.type === "select" || field.type === "multiselect") {
    const options = field.options.map((o) => ({ value: o.value, label: textOf(o.label, lang) || o.value }));
    input =
      field.type === "select" ? (
        <Select
          aria-label={label}
          allowClear
          value={typeof value === "string" ? value : null}
          options={options}
          onChange={(v: string | undefined) => {
            onChange(v ?? undefined);
          }}
        />
      ) : (
        <Select
          aria-label={label}
          mode="multiple"
          allowClear
          value={Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []}
          options={options}
          onChange={(v: string[]) => {
            onChange(v.length === 0 ? undefined : v);
          }}
        />
      );
  } else if (NUMERIC_TYPES.has(field.type)) {
    input = (
      <InputNumber
        aria-label={label}
        style={{ width: "100%" }}
        value={typeof value === "number" ? value : null}
        onChange={(v) => {
          onChange(typeof v === "number" ? v : undefined);
        }}
      />
    );
  } else if (field.type === "boolean") {
    input = (
      <Switch
        aria-label={label}
        checked={value === true}
        onChange={(v) => {
          onChange(v ? true : undefined);
        }}
      />
    );
  } else if (field.type === "date") {
    input = (
      <DatePicker
        aria-label={label}
        style={{ width: "100%" }}
        value={typeof value === "string" ? dayjs(value) : null}
        onChange={(v) => {
          onChange(v === null ? undefined : v.format("YYYY-MM-DD"));
        }}
      />
    );
  } else if (field.type === "user") {
    const multiple = field.multiple === true;
    const ids = typeof value === "string" ? [value] : Array.isArray(value) ? value.filter(isString) : [];
    input = (
      <UserPicker
        label={label}
        multiple={multiple}
        value={ids}
        onChange={(next) => {
          onChange(next.length === 0 ? undefined : multiple ? next : next[0]);
        }}
      />
    );
  } else if (["text", "textarea", "phone", "email", "url"].includes(field.type)) {
    input = (
      <Input
        aria-label={label}
        value={typeof value === "string" ? value : ""}
        onChange={(e) => {
          onChange(e.target.value === "" ? undefined : e.target.value);
        }}
      />
    );
  } else {
    return null;
  }
  return (
    <AntForm.Item label={label} style={{ marginBottom: 8 }}>
      {input}
    </AntForm.Item>
  );
}
