import { DatePicker, Input, InputNumber, Select } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import type { ConditionOperator, ConditionValue } from "./condition-model.js";
import type { FieldChoice } from "./field-choices.js";
import { DATE_TYPES, NUMERIC_TYPES } from "../form/field-types.js";

/** The operators that make sense for a field type. */
export function operatorsFor(type: string): ConditionOperator[] {
  if (NUMERIC_TYPES.has(type) || DATE_TYPES.has(type) || type === "formula")
    return ["eq", "ne", "gt", "gte", "lt", "lte", "is_set", "not_set"];
  if (type === "select" || type === "stage") return ["eq", "ne", "one_of", "is_set", "not_set"];
  if (type === "multiselect") return ["contains", "is_set", "not_set"];
  if (type === "boolean") return ["eq", "ne"];
  return ["eq", "ne", "contains", "is_set", "not_set"];
}

/** A sensible starting value for a field and operator. */
export function defaultValueFor(field: FieldChoice | undefined, operator: ConditionOperator): ConditionValue {
  if (operator === "is_set" || operator === "not_set") return null;
  const type = field?.type ?? "text";
  if (operator === "one_of") return field?.options?.[0] === undefined ? [] : [field.options[0].value];
  if (field?.options?.[0] !== undefined) return field.options[0].value;
  if (type === "boolean") return true;
  if (NUMERIC_TYPES.has(type) || type === "formula") return 0;
  if (DATE_TYPES.has(type)) return dayjs().format("YYYY-MM-DD");
  return "";
}

/** The value part of a condition line, shaped by the field's type and the operator. */
export function ConditionValueInput(props: {
  field: FieldChoice | undefined;
  operator: ConditionOperator;
  value: ConditionValue;
  onChange: (value: ConditionValue) => void;
  label: string;
}) {
  const { t } = useTranslation("builder");
  const { field, operator, value, onChange, label } = props;
  const type = field?.type ?? "text";
  if (operator === "is_set" || operator === "not_set") return null;
  if (field?.options !== undefined) {
    const options = field.options.map((o) => ({ value: o.value, label: o.label }));
    if (operator === "one_of") {
      return (
        <Select
          aria-label={label}
          mode="multiple"
          style={{ minWidth: 180 }}
          value={Array.isArray(value) ? value : []}
          options={options}
          onChange={(next: string[]) => {
            onChange(next);
          }}
        />
      );
    }
    return (
      <Select
        aria-label={label}
        style={{ minWidth: 140 }}
        value={typeof value === "string" ? value : null}
        options={options}
        onChange={(next: string) => {
          onChange(next);
        }}
      />
    );
  }
  if (type === "boolean") {
    return (
      <Select
        aria-label={label}
        style={{ minWidth: 100 }}
        value={value === true ? "true" : "false"}
        options={[
          { value: "true", label: t("condition.yes") },
          { value: "false", label: t("condition.no") },
        ]}
        onChange={(next: string) => {
          onChange(next === "true");
        }}
      />
    );
  }
  if (NUMERIC_TYPES.has(type) || type === "formula") {
    return (
      <InputNumber
        aria-label={label}
        value={typeof value === "number" ? value : null}
        onChange={(next) => {
          onChange(typeof next === "number" ? next : 0);
        }}
      />
    );
  }
  if (DATE_TYPES.has(type)) {
    return (
      <DatePicker
        aria-label={label}
        value={typeof value === "string" && value !== "" ? dayjs(value) : null}
        onChange={(next) => {
          onChange(next === null ? null : next.format("YYYY-MM-DD"));
        }}
      />
    );
  }
  return (
    <Input
      aria-label={label}
      style={{ width: 160 }}
      value={typeof value === "string" ? value : ""}
      onChange={(e) => {
        onChange(e.target.value);
      }}
    />
  );
}
